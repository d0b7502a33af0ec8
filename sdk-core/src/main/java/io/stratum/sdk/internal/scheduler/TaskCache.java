package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.state.StateStore;
import io.stratum.sdk.internal.state.TaskRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduler's view of its tasks: every {@link TaskRecord}, loaded once at start and written
 * through to the {@link StateStore} on every change, indexed by name, id and pod instance.
 * Owned by the scheduler loop; other threads may only call {@link #snapshot()}.
 */
final class TaskCache {
    private final StateStore store;
    private final Map<String, TaskRecord> byName = new ConcurrentHashMap<>();
    private final Map<String, String> nameById = new HashMap<>();
    private final Map<PodInstance, Set<String>> namesByPod = new HashMap<>();

    TaskCache(StateStore store) {
        this.store = store;
    }

    void load() {
        byName.clear();
        nameById.clear();
        namesByPod.clear();
        store.fetchTasks().forEach(this::index);
    }

    /** Stores new or replaced records (a relaunch replaces a task's record under its name). */
    void put(Collection<TaskRecord> records) {
        store.storeTasks(records);
        records.forEach(this::index);
    }

    /**
     * A launch the cluster never reported on, which it now says it does not know (LOST, GONE or
     * UNKNOWN: a reconciliation's answer after the scheduler stopped between storing the launch and
     * sending it, or its agent lost before the launch was applied), never ran: it is DROPPED, so
     * that a new placement is not left waiting for reservations that were never made.
     *
     * @return the status as it is to be recorded
     */
    TaskStatus interpret(TaskStatus status) {
        boolean unaccounted = status.state() == TaskState.LOST || status.state() == TaskState.GONE
                || status.state() == TaskState.UNKNOWN;
        Optional<TaskRecord> record = byId(status.taskId());
        if (!unaccounted || record.isEmpty() || record.get().lastStatus().isPresent()) {
            return status;
        }
        return new TaskStatus(status.taskId(), TaskState.DROPPED, status.health(), status.readiness(),
                "never launched: " + status.message(), status.timestamp());
    }

    /** Records a status of the task it belongs to; returns the updated record, or empty for an unknown id. */
    Optional<TaskRecord> status(TaskStatus status) {
        String name = nameById.get(status.taskId());
        if (name == null) {
            return Optional.empty();
        }
        TaskRecord current = byName.get(name);
        TaskRecord updated = current.withStatus(status);
        if (updated.equals(current)) {
            // a repeated status (a reconciliation answer, a redelivery): the store holds it already
            return Optional.of(current);
        }
        store.storeTasks(List.of(updated));
        byName.put(name, updated);
        return Optional.of(updated);
    }

    void remove(Collection<String> names) {
        store.deleteTasks(names);
        for (String name : names) {
            TaskRecord old = byName.remove(name);
            if (old != null) {
                nameById.remove(old.taskId());
                Set<String> pod = namesByPod.get(podOf(old));
                if (pod != null) {
                    pod.remove(name);
                    if (pod.isEmpty()) {
                        namesByPod.remove(podOf(old));
                    }
                }
            }
        }
    }

    Optional<TaskRecord> byId(String taskId) {
        String name = nameById.get(taskId);
        return name == null ? Optional.empty() : Optional.of(byName.get(name));
    }

    Optional<TaskRecord> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @return the records of a pod instance's tasks */
    List<TaskRecord> of(PodInstance pod) {
        List<TaskRecord> out = new ArrayList<>();
        for (String name : namesByPod.getOrDefault(pod, Set.of())) {
            out.add(byName.get(name));
        }
        return out;
    }

    Set<PodInstance> podInstances() {
        return Set.copyOf(namesByPod.keySet());
    }

    Collection<TaskRecord> all() {
        return byName.values();
    }

    /** @return every resource and volume id some known task owns */
    Set<String> ownedResourceIds() {
        Set<String> owned = new HashSet<>();
        for (TaskRecord record : byName.values()) {
            owned.addAll(record.resourceIds());
            owned.addAll(record.volumeIds());
        }
        return owned;
    }

    /** @return a copy sorted by name; safe to call from any thread */
    List<TaskRecord> snapshot() {
        List<TaskRecord> copy = new ArrayList<>(byName.values());
        copy.sort(Comparator.comparing(TaskRecord::name));
        return copy;
    }

    static PodInstance podOf(TaskRecord record) {
        return new PodInstance(record.podType(), record.podIndex());
    }

    private void index(TaskRecord record) {
        TaskRecord previous = byName.put(record.name(), record);
        if (previous != null && !previous.taskId().equals(record.taskId())) {
            nameById.remove(previous.taskId());
        }
        nameById.put(record.taskId(), record.name());
        namesByPod.computeIfAbsent(podOf(record), p -> new LinkedHashSet<>()).add(record.name());
    }
}
