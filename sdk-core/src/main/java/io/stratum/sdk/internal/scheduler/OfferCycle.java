package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.backend.LaunchOperation;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.offer.PlacementRound;
import io.stratum.sdk.internal.offer.PodFootprint;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.placement.PlacedTask;
import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.plan.PodInstanceRequirement;
import io.stratum.sdk.internal.plan.RecoveryType;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.internal.state.TaskRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over a batch of offers: place the candidate steps' pod instances (in one
 * {@link PlacementRound}, so several instances may share an offer), and say what to accept. A
 * step whose instance has reservations already is placed in place, on exactly those reservations;
 * a new instance or a permanent replacement gets fresh ones.
 */
final class OfferCycle {
    /** What to do with the offers, and what was launched. */
    record Result(Map<String, List<Operation>> acceptsByOffer, List<Launched> launched,
            Map<String, String> explanations) {}

    /** One step's launch: the records to store and the tasks by name. */
    record Launched(Step step, List<TaskRecord> records, Map<String, String> taskIds) {}

    private OfferCycle() {}

    static Result run(List<Offer> offers, List<Step> candidates, Map<Step, Map<String, String>> environments,
            ServiceSpec target, String configId, TaskCache tasks, OfferEvaluator evaluator, java.time.Instant now,
            java.util.function.BiFunction<PodInstance, io.stratum.sdk.spec.TaskSpec, io.stratum.sdk.spec.TaskSpec> effective,
            Map<String, Agent> knownAgents) {
        Map<String, List<Operation>> accepts = new LinkedHashMap<>();
        List<Launched> launched = new ArrayList<>();
        Map<String, String> explanations = new LinkedHashMap<>();
        if (candidates.isEmpty() || offers.isEmpty()) {
            return new Result(accepts, launched, explanations);
        }
        PlacementRound round = evaluator.round(offers, placed(tasks, knownAgents));
        for (Step step : candidates) {
            Optional<PodInstanceRequirement> requirement = step.requirement(now, environments.getOrDefault(step, Map.of()));
            if (requirement.isEmpty()) {
                continue;
            }
            PodSpec pod = target.pod(step.podInstance().podType());
            if (pod == null) {
                step.error();
                explanations.put(step.name(), "pod type " + step.podInstance().podType() + " is not in the target config");
                continue;
            }
            Optional<PodRequest> request = request(pod, requirement.get(), tasks, offers);
            if (request.isEmpty()) {
                explanations.put(step.name(), "waiting for an offer holding the reservations of "
                        + step.podInstance().name() + " on agent " + agentOf(tasks, step.podInstance()).orElse("?"));
                continue;
            }
            EvaluationResult result = round.place(request.get());
            if (result instanceof EvaluationResult.Success success) {
                launched.add(record(step, success, requirement.get(), configId, request.get().kind()));
                List<Operation> ops = withEnvironment(success.recommendations(), requirement.get().environment());
                for (Operation r : withEffectiveSpecs(ops, step.podInstance(), effective)) {
                    accepts.computeIfAbsent(r.offerId(), id -> new ArrayList<>()).add(r);
                }
                explanations.remove(step.name());
            } else if (result instanceof EvaluationResult.Failure failure) {
                explanations.put(step.name(), failure.outcome().render());
            }
        }
        return new Result(accepts, launched, explanations);
    }

    private static Optional<PodRequest> request(PodSpec pod, PodInstanceRequirement req, TaskCache tasks, List<Offer> offers) {
        PodInstance instance = req.podInstance();
        String[] names = req.tasks().toArray(String[]::new);
        List<TaskRecord> records = tasks.of(instance);
        if (req.recovery() == RecoveryType.PERMANENT) {
            return Optional.of(PodRequest.replace(pod, instance.index()).withTasks(names));
        }
        if (records.isEmpty() || neverApplied(records)) {
            return Optional.of(PodRequest.newInstance(pod, instance.index()).withTasks(names));
        }
        return footprint(pod, req, records, offers)
                .map(f -> PodRequest.inPlace(pod, instance.index(), f).withTasks(names));
    }

    /**
     * A new placement whose launch the cluster dropped (its offer had become invalid, say when the
     * connection to the cluster was lost) reserved nothing to wait for: the instance is placed anew,
     * and anything that was reserved after all is left to garbage collection. An in-place relaunch
     * that was dropped still has its old reservations and volumes, and waits for them.
     */
    private static boolean neverApplied(List<TaskRecord> records) {
        return records.stream().allMatch(r -> dropped(r)
                && !PodRequest.Kind.IN_PLACE.name().toLowerCase().equals(r.labels().get(TaskLabels.PLACEMENT)));
    }

    private static boolean dropped(TaskRecord record) {
        return record.lastStatus().map(s -> s.state() == io.stratum.sdk.backend.TaskState.DROPPED).orElse(false);
    }

    /**
     * What the instance holds on its agent, taken from that agent's offers: every reservation and
     * volume it owns except those of its other tasks that still run (their resources are not
     * offered while in use). Empty while some of its reservations are neither offered nor in use
     * by a running task: they come back once the tasks that held them have ended.
     */
    private static Optional<PodFootprint> footprint(PodSpec pod, PodInstanceRequirement req, List<TaskRecord> records,
            List<Offer> offers) {
        String agentId = records.get(0).agentId();
        Set<String> ids = new HashSet<>();
        records.forEach(r -> {
            ids.addAll(r.resourceIds());
            ids.addAll(r.volumeIds());
        });
        records.forEach(r -> neverAdded(r).forEach(ids::remove));
        Set<String> liveSets = new HashSet<>();
        for (TaskRecord r : records) {
            String task = r.taskName();
            boolean live = r.lastStatus().map(st -> !st.state().isTerminal()).orElse(true);
            if (live && !req.tasks().contains(task) && pod.task(task) != null) {
                liveSets.add(pod.resourcesOf(pod.task(task)).name());
            }
        }
        Map<String, Resource> offered = new HashMap<>();
        for (Offer offer : offers) {
            if (offer.agent().id().equals(agentId)) {
                for (Resource r : offer.resources()) {
                    r.resourceId().filter(ids::contains).ifPresent(id -> offered.put(id, r));
                    r.volume().filter(v -> ids.contains(v.persistenceId())).ifPresent(v -> offered.put(v.persistenceId(), r));
                }
            }
        }
        if (offered.isEmpty() && offers.stream().noneMatch(o -> o.agent().id().equals(agentId))) {
            return Optional.empty();
        }
        List<Resource> held = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Resource r : offered.values()) {
            Optional<String> set = r.reservation().flatMap(res -> res.label(Reservation.RESOURCE_SET));
            boolean inUse = set.isPresent() && liveSets.contains(set.get()) && isTaskSet(pod, set.get());
            if (!inUse && seen.add(r.resourceId().orElse(""))) {
                held.add(r);
            }
        }
        Set<String> accounted = new HashSet<>(offered.keySet());
        if (liveSets.isEmpty() && !accounted.containsAll(ids)) {
            return Optional.empty();
        }
        return Optional.of(new PodFootprint(agentId, held));
    }

    /** @return the resource and persistence ids an accept reserves or creates, comma-separated */
    private static String added(List<Operation> recommendations) {
        List<String> ids = new ArrayList<>();
        for (Operation r : recommendations) {
            if (r instanceof io.stratum.sdk.backend.ReserveOperation reserve) {
                reserve.resource().resourceId().ifPresent(ids::add);
            } else if (r instanceof io.stratum.sdk.backend.CreateVolumeOperation create) {
                create.volume().volume().ifPresent(v -> ids.add(v.persistenceId()));
            }
        }
        return String.join(",", ids);
    }

    /** @return what a launch of {@code record} added, if the cluster never applied it (DROPPED) */
    private static List<String> neverAdded(TaskRecord record) {
        String added = record.labels().get(TaskLabels.ADDED);
        return dropped(record) && added != null ? List.of(added.split(",")) : List.of();
    }

    private static boolean isTaskSet(PodSpec pod, String set) {
        return pod.tasks().values().stream().anyMatch(t -> pod.resourcesOf(t).name().equals(set));
    }

    private static Optional<String> agentOf(TaskCache tasks, PodInstance pod) {
        return tasks.of(pod).stream().map(TaskRecord::agentId).findFirst();
    }

    private static Launched record(Step step, EvaluationResult.Success success, PodInstanceRequirement req, String configId,
            PodRequest.Kind kind) {
        LaunchOperation launch = success.launch();
        List<String> resourceIds = new ArrayList<>();
        List<String> volumeIds = new ArrayList<>();
        for (Resource r : success.footprint().resources()) {
            r.resourceId().ifPresent(resourceIds::add);
            r.volume().ifPresent(v -> volumeIds.add(v.persistenceId()));
        }
        List<TaskRecord> records = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        PodInstance pod = req.podInstance();
        for (TaskLaunch task : launch.tasks()) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(TaskLabels.HOSTNAME, success.offer().agent().hostname());
            labels.put(TaskLabels.PLACEMENT, kind.name().toLowerCase());
            String added = added(success.recommendations());
            if (kind == PodRequest.Kind.IN_PLACE && !added.isEmpty()) {
                labels.put(TaskLabels.ADDED, added);
            }
            task.ports().forEach((name, port) -> labels.put(TaskLabels.PORT_PREFIX + name, Long.toString(port)));
            records.add(new TaskRecord(task.taskId(), pod.taskName(task.taskName()), pod.podType(), pod.index(),
                    launch.agentId(), configId, resourceIds, volumeIds, labels, null));
            ids.put(task.taskName(), task.taskId());
        }
        return new Launched(step, records, ids);
    }

    /** Adds plan parameters to every launched task's environment. */
    private static List<Operation> withEnvironment(List<Operation> recommendations, Map<String, String> env) {
        if (env.isEmpty()) {
            return recommendations;
        }
        List<Operation> out = new ArrayList<>();
        for (Operation r : recommendations) {
            if (r instanceof LaunchOperation launch) {
                List<TaskLaunch> tasks = launch.tasks().stream().map(t -> {
                    Map<String, String> merged = new LinkedHashMap<>(t.env());
                    merged.putAll(env);
                    return new TaskLaunch(t.taskId(), t.podInstance(), t.spec(), merged, t.ports(), t.resources());
                }).toList();
                out.add(new LaunchOperation(launch.offerId(), launch.agentId(), launch.podInstance(), tasks,
                        launch.executorResources()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** Swaps in the spec each task really runs with (a paused pod's tasks idle). */
    private static List<Operation> withEffectiveSpecs(List<Operation> recommendations, PodInstance pod,
            java.util.function.BiFunction<PodInstance, io.stratum.sdk.spec.TaskSpec, io.stratum.sdk.spec.TaskSpec> effective) {
        List<Operation> out = new ArrayList<>();
        for (Operation r : recommendations) {
            if (r instanceof LaunchOperation launch) {
                List<TaskLaunch> launches = launch.tasks().stream().map(t -> new TaskLaunch(t.taskId(), t.podInstance(),
                        effective.apply(pod, t.spec()), t.env(), t.ports(), t.resources())).toList();
                out.add(new LaunchOperation(launch.offerId(), launch.agentId(), launch.podInstance(), launches,
                        launch.executorResources()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The tasks placed now, for counting placement rules, with their agents as last offered (so
     * attribute, zone and region rules count tasks on agents that are not offering right now).
     */
    private static List<PlacedTask> placed(TaskCache tasks, Map<String, Agent> agents) {
        List<PlacedTask> out = new ArrayList<>();
        for (TaskRecord r : tasks.all()) {
            if (r.lastStatus().map(s -> s.state().isTerminal()).orElse(false)) {
                continue;
            }
            Agent agent = agents.getOrDefault(r.agentId(), Agent.of(r.agentId(), r.agentId()));
            out.add(new PlacedTask(r.podType(), r.podIndex(), r.name(), agent));
        }
        return out;
    }
}
