package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.discovery.ServiceZooKeeper;
import io.stratum.sdk.discovery.TaskEnvironment;
import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.offer.PlacementRound;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.plan.PodInstanceRequirement;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.placement.PlacedTask;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.TaskSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One pass over a batch of offers: place the candidate steps' pod instances (in one
 * {@link PlacementRound}, so several instances may share an offer), and say what to accept. Each
 * step carries its resolved pod instance; {@link PodRequests} decides how it is placed. Owned by the
 * scheduler loop.
 */
final class OfferCycle {
    private static final System.Logger LOG = System.getLogger(OfferCycle.class.getName());

    /** What to do with the offers, and what was launched. */
    record Result(Map<String, List<Operation>> acceptsByOffer, List<Launched> launched,
            Map<String, String> explanations) {}

    /**
     * One step's launch: the records to store and the tasks by name. For a reserve-only step, the
     * records of its reservations (none when its instance was placed already) and no tasks.
     */
    record Launched(Step step, List<TaskRecord> records, Map<String, String> taskIds) {}

    private final TaskCache tasks;
    private final OfferEvaluator evaluator;
    private final TargetConfig config;
    private final PlanSet plans;
    private final BiFunction<PodInstance, TaskSpec, TaskSpec> effective;
    private final TaskEnvironment taskEnvironment;
    private final ServiceZooKeeper zookeeper;
    /** Every agent seen in an offer, so placement rules know the agents of tasks placed earlier. */
    private final Map<String, Agent> knownAgents = new HashMap<>();

    /**
     * @param effective       the spec a task of a pod instance runs with (a paused pod's tasks idle)
     * @param taskEnvironment the framework's addition to each task's environment, or null
     * @param zookeeper       the service's ZooKeeper for its tasks, or null for the placeholder
     *                        ({@link SchedulerBuilder#simulatedZooKeeper}) of the target's name
     */
    OfferCycle(TaskCache tasks, OfferEvaluator evaluator, TargetConfig config, PlanSet plans,
            BiFunction<PodInstance, TaskSpec, TaskSpec> effective, TaskEnvironment taskEnvironment,
            ServiceZooKeeper zookeeper) {
        this.tasks = tasks;
        this.evaluator = evaluator;
        this.config = config;
        this.plans = plans;
        this.effective = effective;
        this.taskEnvironment = taskEnvironment;
        this.zookeeper = zookeeper;
    }

    /** Remembers the offers' agents (also of offers declined unseen, while reconciling). */
    void agentsOffered(List<Offer> offers) {
        offers.forEach(o -> knownAgents.put(o.agent().id(), o.agent()));
    }

    /** Places what {@code candidates} launch on {@code offers}, as of {@code now}. */
    Result run(List<Offer> offers, List<Step> candidates, Instant now) {
        Map<String, List<Operation>> accepts = new LinkedHashMap<>();
        List<Launched> launched = new ArrayList<>();
        Map<String, String> explanations = new LinkedHashMap<>();
        if (candidates.isEmpty() || offers.isEmpty()) {
            return new Result(accepts, launched, explanations);
        }
        PlacementRound round = evaluator.round(offers, placed());
        // This cycle's launches are not in the task cache yet; later launches of the cycle see them.
        Map<PodInstance, List<TaskRecord>> placedNow = new HashMap<>();
        Function<PodInstance, List<TaskRecord>> recordsOf = pod -> placedNow.containsKey(pod) ? placedNow.get(pod)
                : tasks.of(pod);
        Discovery discovery = new Discovery(config.target(), recordsOf);
        for (Step step : candidates) {
            Optional<PodInstanceRequirement> requirement = step.requirement(now, plans.environmentOf(step));
            if (requirement.isEmpty()) {
                continue;
            }
            PodInstanceRequirement req = requirement.get();
            if (step.reservesOnly() && DeploymentPlans.isPlaced(recordsOf.apply(step.podInstance()))) {
                launched.add(new Launched(step, List.of(), Map.of()));
                explanations.remove(step.name());
                continue;
            }
            Optional<PodRequest> request = PodRequests.request(req, tasks.of(step.podInstance()), offers);
            if (request.isEmpty()) {
                explanations.put(step.name(), "waiting for an offer holding the reservations of "
                        + step.podInstance().name() + " on agent " + agentOf(step.podInstance()).orElse("?"));
                continue;
            }
            // Read before this launch's records stand for the instance: where the replacement moves it from.
            Optional<String> replaced = request.get().kind() == PodRequest.Kind.REPLACE
                    ? Replacements.replacedAddress(config.target(), req.podSpec(), req.index(), tasks.of(step.podInstance()))
                    : Optional.empty();
            EvaluationResult result = round.place(request.get());
            if (result instanceof EvaluationResult.Success success && step.reservesOnly()) {
                Launched reservation = launch(step, success, request.get().kind(), replaced);
                placedNow.put(step.podInstance(), merged(step.podInstance(), reservation.records()));
                launched.add(new Launched(step, reservation.records(), Map.of()));
                for (Operation r : success.recommendations()) {
                    if (!(r instanceof Operation.Launch)) {
                        accepts.computeIfAbsent(r.offerId(), id -> new ArrayList<>()).add(r);
                    }
                }
                explanations.remove(step.name());
            } else if (result instanceof EvaluationResult.Success success) {
                Launched launch = launch(step, success, request.get().kind(), replaced);
                List<TaskRecord> before = placedNow.put(step.podInstance(), merged(step.podInstance(), launch.records()));
                List<Operation> operations;
                try {
                    operations = launchedAs(success, req, new LaunchEnvironment(config.target().name(), discovery,
                            taskEnvironment, success.offer().agent().hostname(), replaced, zookeeper()));
                } catch (LaunchEnvironment.Refused e) {
                    LOG.log(System.Logger.Level.WARNING, e.getMessage(), e.getCause());
                    placedNow.remove(step.podInstance());
                    if (before != null) {
                        placedNow.put(step.podInstance(), before);
                    }
                    explanations.put(step.name(), e.getMessage());
                    continue;
                }
                launched.add(launch);
                for (Operation r : operations) {
                    accepts.computeIfAbsent(r.offerId(), id -> new ArrayList<>()).add(r);
                }
                explanations.remove(step.name());
            } else if (result instanceof EvaluationResult.Failure failure) {
                explanations.put(step.name(), failure.outcome().render());
            }
        }
        return new Result(accepts, launched, explanations);
    }

    private ServiceZooKeeper zookeeper() {
        return zookeeper != null ? zookeeper : SchedulerBuilder.simulatedZooKeeper(config.target().name());
    }

    /** @return the instance's records once {@code launchedNow} replace those of the same tasks */
    private List<TaskRecord> merged(PodInstance pod, List<TaskRecord> launchedNow) {
        Map<String, TaskRecord> byName = new LinkedHashMap<>();
        tasks.of(pod).forEach(r -> byName.put(r.name(), r));
        launchedNow.forEach(r -> byName.put(r.name(), r));
        return List.copyOf(byName.values());
    }

    private Optional<String> agentOf(PodInstance pod) {
        return tasks.of(pod).stream().map(TaskRecord::agentId).findFirst();
    }

    /**
     * @param replaced for a replacement, the address it moves the instance off
     * @return the records of a successful placement's tasks (stored before the accept is sent); of a
     *     reserve-only step, records of its reservations, under the task ids its launch would have had
     */
    private Launched launch(Step step, EvaluationResult.Success success, PodRequest.Kind kind,
            Optional<String> replaced) {
        Operation.Launch launch = success.launch();
        List<String> resourceIds = new ArrayList<>();
        List<String> volumeIds = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Resource r : success.footprint().resources()) {
            r.resourceId().ifPresent(resourceIds::add);
            r.volume().ifPresent(v -> volumeIds.add(v.persistenceId()));
            podVolumeLabel(r).ifPresent(label -> labels.put(label, r.resourceId().orElseThrow() + " "
                    + r.volume().orElseThrow().persistenceId()));
        }
        labels.put(TaskLabels.HOSTNAME, success.offer().agent().hostname());
        labels.put(TaskLabels.PLACEMENT, kind.name().toLowerCase());
        if (step.reservesOnly()) {
            labels.put(TaskLabels.RESERVATION, "true");
        }
        replaced.ifPresent(address -> labels.put(TaskLabels.REPLACED, address));
        String added = PodRequests.added(success.recommendations());
        if (kind == PodRequest.Kind.IN_PLACE && !added.isEmpty()) {
            labels.put(TaskLabels.ADDED, added);
        }
        String configId = config.targetId().toString();
        List<TaskRecord> records = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        PodInstance pod = step.podInstance();
        for (TaskLaunch task : launch.tasks()) {
            Map<String, String> taskLabels = new LinkedHashMap<>(labels);
            task.ports().forEach((name, port) -> taskLabels.put(TaskLabels.PORT_PREFIX + name, Long.toString(port)));
            records.add(new TaskRecord(task.taskId(), pod.taskName(task.taskName()), pod.podType(), pod.index(),
                    launch.agentId(), configId, resourceIds, volumeIds, taskLabels, null));
            ids.put(task.taskName(), task.taskId());
        }
        return new Launched(step, records, ids);
    }

    /** @return the label naming {@code r}, if it is a pod-level volume (see {@link TaskLabels#POD_VOLUME_PREFIX}) */
    private static Optional<String> podVolumeLabel(Resource r) {
        if (r.volume().isEmpty() || r.resourceId().isEmpty()) {
            return Optional.empty();
        }
        return r.reservation()
                .filter(res -> res.label(Reservation.RESOURCE_SET).filter(Reservation.POD_RESOURCE_SET::equals).isPresent())
                .flatMap(res -> res.label(Reservation.VOLUME))
                .map(name -> TaskLabels.POD_VOLUME_PREFIX + name);
    }

    /**
     * @return the recommendations with each task as it really runs: with its whole environment
     *     (discovery, the plan's parameters, the framework's), and the spec it runs with (a paused
     *     pod's tasks idle)
     * @throws LaunchEnvironment.Refused if the framework's task environment fails
     */
    private List<Operation> launchedAs(EvaluationResult.Success success, PodInstanceRequirement req,
            LaunchEnvironment environment) throws LaunchEnvironment.Refused {
        List<Operation> out = new ArrayList<>();
        for (Operation r : success.recommendations()) {
            if (r instanceof Operation.Launch launch) {
                List<TaskLaunch> launches = new ArrayList<>();
                for (TaskLaunch t : launch.tasks()) {
                    launches.add(new TaskLaunch(t.taskId(), t.podInstance(), effective.apply(req.podInstance(), t.spec()),
                            environment.of(t, req), t.ports(), t.resources()));
                }
                out.add(new Operation.Launch(launch.offerId(), launch.agentId(), launch.podInstance(), launches,
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
    private List<PlacedTask> placed() {
        List<PlacedTask> out = new ArrayList<>();
        for (TaskRecord r : tasks.all()) {
            if (r.lastStatus().map(s -> s.state().isTerminal()).orElse(false)) {
                continue;
            }
            Agent agent = knownAgents.getOrDefault(r.agentId(), Agent.of(r.agentId(), r.agentId()));
            out.add(new PlacedTask(r.podType(), r.podIndex(), r.name(), agent));
        }
        return out;
    }
}
