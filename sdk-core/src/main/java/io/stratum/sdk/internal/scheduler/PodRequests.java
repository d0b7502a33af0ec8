package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.internal.offer.PodFootprint;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.internal.plan.PodInstanceRequirement;
import io.stratum.sdk.internal.plan.RecoveryType;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a step's pod instance is placed: a permanent replacement and an instance without
 * reservations get fresh ones; an instance that has reservations is relaunched in place, on exactly
 * those, as its agent offers them back.
 */
final class PodRequests {
    private PodRequests() {}

    /**
     * @param requirement the step's resolved pod instance
     * @param records     the instance's task records
     * @param offers      the offers of this cycle
     * @return the request to place, or empty while an in-place relaunch waits for its reservations
     */
    static Optional<PodRequest> request(PodInstanceRequirement requirement, List<TaskRecord> records, List<Offer> offers) {
        PodSpec pod = requirement.podSpec();
        int index = requirement.index();
        String[] names = requirement.tasks().toArray(String[]::new);
        if (requirement.recovery() == RecoveryType.PERMANENT) {
            return Optional.of(PodRequest.replace(pod, index).withTasks(names));
        }
        if (records.isEmpty() || neverApplied(records)) {
            return Optional.of(PodRequest.newInstance(pod, index).withTasks(names));
        }
        return footprint(requirement, records, offers).map(f -> PodRequest.inPlace(pod, index, f).withTasks(names));
    }

    /** @return the resource and persistence ids an accept reserves or creates, comma-separated */
    static String added(List<Operation> recommendations) {
        List<String> ids = new ArrayList<>();
        for (Operation r : recommendations) {
            if (r instanceof Operation.Reserve reserve) {
                reserve.resource().resourceId().ifPresent(ids::add);
            } else if (r instanceof Operation.CreateVolume create) {
                create.volume().volume().ifPresent(v -> ids.add(v.persistenceId()));
            }
        }
        return String.join(",", ids);
    }

    /**
     * A new placement whose launch the cluster dropped (its offer had become invalid, say when the
     * connection to the cluster was lost) reserved nothing to wait for: the instance is placed anew,
     * and anything that was reserved after all is left to garbage collection. An in-place relaunch
     * that was dropped still has its old reservations and volumes, and waits for them.
     */
    private static boolean neverApplied(List<TaskRecord> records) {
        return records.stream().allMatch(PodRequests::neverApplied);
    }

    /** @return whether {@code record} is of a new placement the cluster dropped: it reserved nothing */
    static boolean neverApplied(TaskRecord record) {
        return dropped(record)
                && !PodRequest.Kind.IN_PLACE.name().toLowerCase().equals(record.labels().get(TaskLabels.PLACEMENT));
    }

    private static boolean dropped(TaskRecord record) {
        return record.lastStatus().map(s -> s.state() == TaskState.DROPPED).orElse(false);
    }

    /**
     * What the instance holds on its agent, taken from that agent's offers: every reservation and
     * volume it owns except those of its other tasks that still run (their resources are not
     * offered while in use). Empty while some of its reservations are neither offered nor in use
     * by a running task: they come back once the tasks that held them have ended.
     */
    private static Optional<PodFootprint> footprint(PodInstanceRequirement requirement, List<TaskRecord> records,
            List<Offer> offers) {
        PodSpec pod = requirement.podSpec();
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
            if (Kills.isLive(r) && !requirement.tasks().contains(task) && pod.task(task) != null) {
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
        if (liveSets.isEmpty() && !offered.keySet().containsAll(ids)) {
            return Optional.empty();
        }
        return Optional.of(new PodFootprint(agentId, held, sharedVolumes(requirement, records, offered.keySet())));
    }

    /**
     * @return the pod-level volumes that tasks of the instance which keep running hold (so no offer
     *     has them), by volume name, for the launch to share
     */
    private static Map<String, PodFootprint.SharedVolume> sharedVolumes(PodInstanceRequirement requirement,
            List<TaskRecord> records, Set<String> offered) {
        Map<String, PodFootprint.SharedVolume> shared = new HashMap<>();
        for (TaskRecord r : records) {
            if (!Kills.isLive(r) || requirement.tasks().contains(r.taskName())) {
                continue;
            }
            r.labels().forEach((key, value) -> {
                String[] ids = value.split(" ", 2);
                if (key.startsWith(TaskLabels.POD_VOLUME_PREFIX) && ids.length == 2 && !offered.contains(ids[0])) {
                    shared.put(key.substring(TaskLabels.POD_VOLUME_PREFIX.length()),
                            new PodFootprint.SharedVolume(ids[0], ids[1]));
                }
            });
        }
        return shared;
    }

    /** @return what a launch of {@code record} added, if the cluster never applied it (DROPPED) */
    private static List<String> neverAdded(TaskRecord record) {
        String added = record.labels().get(TaskLabels.ADDED);
        return dropped(record) && added != null ? List.of(added.split(",")) : List.of();
    }

    private static boolean isTaskSet(PodSpec pod, String set) {
        return pod.tasks().values().stream().anyMatch(t -> pod.resourcesOf(t).name().equals(set));
    }
}
