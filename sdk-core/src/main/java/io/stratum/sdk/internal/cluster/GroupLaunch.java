package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One task group launch, all or nothing: every reservation a task (or the group's executor) names
 * must be in the offer, big enough, and carry the volume the task expects, or else be held by live
 * tasks of the same pod instance only (shared with them, as a running executor's resources are);
 * unreserved resources are taken from the offer. Tasks of one group may share a reservation (a
 * resource set, a pod volume, the executor's), which stays in use until the last of them ends.
 */
final class GroupLaunch {
    private static final double EPSILON = ResourceValue.Scalar.EPSILON;

    private final AgentLedger agent;
    private final Holdings offered;
    private final Operation.Launch group;
    private final Holdings scratch;
    private final Map<String, Resource> needs = new LinkedHashMap<>();
    private final Map<String, Set<String>> reservations = new LinkedHashMap<>();
    private final Map<String, List<Resource>> unreserved = new LinkedHashMap<>();

    GroupLaunch(AgentLedger agent, Holdings offered, Operation.Launch group) {
        this.agent = agent;
        this.offered = offered;
        this.group = group;
        this.scratch = offered.copyPools();
    }

    /** Claims the group's resources for its tasks, if they may launch; @return null when claimed, otherwise why not */
    String claim(AcceptListener listener) {
        if (!group.agentId().equals(agent.id())) {
            return "the launch is for agent " + group.agentId() + " but the offer is from " + agent.id();
        }
        Set<String> ids = new HashSet<>();
        for (TaskLaunch task : group.tasks()) {
            String refusal = listener.refusal(task);
            if (refusal != null) {
                return refusal;
            }
            if (!ids.add(task.taskId())) {
                return "task id " + task.taskId() + " is in use already";
            }
        }
        Set<String> executor = new LinkedHashSet<>();
        String problem = collect(group.executorResources(), "the executor", executor, group.tasks().get(0));
        for (TaskLaunch task : group.tasks()) {
            Set<String> own = new LinkedHashSet<>(executor);
            reservations.put(task.taskId(), own);
            problem = problem != null ? problem : collect(task.resources(), "task " + task.fullName(), own, task);
        }
        for (Resource need : needs.values()) {
            problem = problem != null ? problem : check(need);
        }
        if (problem != null) {
            return "insufficient resources: " + problem;
        }
        offered.takePoolsOf(scratch);
        needs.keySet().forEach(offered::removeReserved);
        for (TaskLaunch task : group.tasks()) {
            agent.use(task.taskId(), group.podInstance(), reservations.get(task.taskId()),
                    unreserved.getOrDefault(task.taskId(), List.of()));
        }
        return null;
    }

    /** Collects reserved needs by id and takes unreserved resources from the scratch pools; @return why not, or null */
    private String collect(List<Resource> resources, String who, Set<String> ids, TaskLaunch holder) {
        for (Resource r : resources) {
            if (r.reservation().isPresent()) {
                String id = r.resourceId().orElse(null);
                if (id == null) {
                    return who + " names a reservation without resource_id: " + r;
                }
                needs.merge(id, r, (a, b) -> a.amount() >= b.amount() ? a : b);
                ids.add(id);
                continue;
            }
            String problem = scratch.takeUnreserved(r);
            if (problem != null) {
                return who + " wants " + r + ": " + problem;
            }
            unreserved.computeIfAbsent(holder.taskId(), id -> new ArrayList<>()).add(r);
        }
        return null;
    }

    private String check(Resource need) {
        String id = need.resourceId().orElseThrow();
        Resource held = offered.reserved(id);
        if (held == null && agent.usedOnlyBy(id, group.podInstance())) {
            held = agent.held().reserved(id);
        }
        if (held == null) {
            return agent.whyNotOffered(id);
        }
        Optional<String> volume = need.volume().map(PersistentVolume::persistenceId);
        if (volume.isPresent() && !volume.equals(held.volume().map(PersistentVolume::persistenceId))) {
            return "volume " + volume.get() + " is not on reservation " + id + " (" + held + ")";
        }
        if (!held.name().equals(need.name())) {
            return "reservation " + id + " is " + held.name() + ", not " + need.name();
        }
        if (need.value() instanceof ResourceValue.Ranges wanted) {
            boolean inside = held.value() instanceof ResourceValue.Ranges have
                    && new RangeSet(have.ranges()).containsAll(wanted.ranges());
            return inside ? null : need.name() + " " + wanted + " wanted from reservation " + id + " of " + held.value();
        }
        return need.amount() > held.amount() + EPSILON
                ? need.name() + " " + need.value() + " wanted from reservation " + id + " of " + held.value() : null;
    }
}
