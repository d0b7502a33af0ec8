package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.LaunchOperation;
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
 * Launches a task group, all or nothing: every reservation a task (or the group's executor) names
 * must be in the offer, big enough, and carry the volume the task expects; unreserved resources
 * are taken from the offer. Tasks of one group may share a reservation (a resource set, a pod
 * volume, the executor's), which stays in use until the last of them ends.
 */
final class GroupLauncher {
    private static final double EPSILON = ResourceValue.Scalar.EPSILON;

    private final Counters counters;
    private final TaskLifecycle tasks;
    private final Scripts scripts;

    GroupLauncher(Counters counters, TaskLifecycle tasks, Scripts scripts) {
        this.counters = counters;
        this.tasks = tasks;
        this.scripts = scripts;
    }

    /** @return null when launched, otherwise why the whole group is refused */
    String launch(AgentLedger agent, Holdings offered, LaunchOperation group) {
        if (!group.agentId().equals(agent.agent.id())) {
            return "the launch is for agent " + group.agentId() + " but the offer is from " + agent.agent.id();
        }
        Set<String> ids = new HashSet<>();
        for (TaskLaunch task : group.tasks()) {
            if (tasks.isKnown(task.taskId()) || !ids.add(task.taskId())) {
                return "task id " + task.taskId() + " is in use already";
            }
        }
        Map<String, Resource> needs = new LinkedHashMap<>();
        Set<String> executor = new LinkedHashSet<>();
        Holdings scratch = offered.copyPools();
        Map<String, List<Resource>> unreserved = new LinkedHashMap<>();
        String problem = claim(group.executorResources(), "the executor", needs, executor, scratch,
                unreserved(unreserved, group.tasks().get(0)));
        Map<String, Set<String>> reservations = new LinkedHashMap<>();
        for (TaskLaunch task : group.tasks()) {
            Set<String> own = new LinkedHashSet<>(executor);
            reservations.put(task.taskId(), own);
            problem = problem != null ? problem : claim(task.resources(), "task " + task.fullName(), needs, own,
                    scratch, unreserved(unreserved, task));
        }
        for (Resource need : needs.values()) {
            problem = problem != null ? problem : check(agent, offered, need);
        }
        if (problem != null) {
            return "insufficient resources: " + problem;
        }
        offered.takePoolsOf(scratch);
        needs.keySet().forEach(offered::removeReserved);
        List<TaskRecord> started = new ArrayList<>(group.tasks().size());
        for (TaskLaunch task : group.tasks()) {
            List<Resource> taken = unreserved.getOrDefault(task.taskId(), List.of());
            taken.forEach(r -> OperationApplier.mustSucceed(agent.holdings.takeUnreserved(r)));
            Set<String> own = reservations.get(task.taskId());
            started.add(tasks.register(task, agent.agent.id(), own));
            agent.use(task.taskId(), own, taken);
        }
        counters.launchGroups++;
        counters.tasksLaunched += started.size();
        started.forEach(task -> tasks.start(task, scripts.behaviourFor(task.launch)));
        return null;
    }

    private static List<Resource> unreserved(Map<String, List<Resource>> byTask, TaskLaunch task) {
        return byTask.computeIfAbsent(task.taskId(), id -> new ArrayList<>());
    }

    /** Collects reserved needs by id and takes unreserved resources from {@code scratch}; @return why not, or null */
    private static String claim(List<Resource> resources, String who, Map<String, Resource> needs, Set<String> ids,
            Holdings scratch, List<Resource> taken) {
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
            taken.add(r);
        }
        return null;
    }

    private static String check(AgentLedger agent, Holdings offered, Resource need) {
        String id = need.resourceId().orElseThrow();
        Resource held = offered.reserved(id);
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
