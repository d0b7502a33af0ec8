package io.stratum.sdk.internal.state;

import io.stratum.sdk.backend.TaskStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The scheduler's memory of its tasks: one {@link TaskRecord} per task name (the last launch and
 * its last status), and the operators' {@link GoalOverride}s per pod instance.
 *
 * <p>Kept in the {@link Persister} under {@code /tasks/<task-name>} and
 * {@code /goal-overrides/<pod-instance>}, as JSON. {@link #fetchTasks()} reads all tasks at once
 * (in parallel on ZooKeeper), which is what a restarting scheduler does.
 *
 * <p>Stateless and thread-safe: every call goes to the persister. Concurrent read-modify-write
 * calls ({@link #storeStatus}) for the same task must be serialised by the caller, as the scheduler
 * loop does. Failures are {@link PersisterException}s.
 */
public final class StateStore {
    static final String TASKS = "/tasks";
    static final String GOAL_OVERRIDES = "/goal-overrides";

    private final Persister persister;
    private final KeyedArea tasks;
    private final KeyedArea overrides;

    private StateStore(Persister persister) {
        this.persister = persister;
        this.tasks = new KeyedArea(persister, TASKS);
        this.overrides = new KeyedArea(persister, GOAL_OVERRIDES);
    }

    /** @return the state store over {@code persister} */
    public static StateStore of(Persister persister) {
        return new StateStore(Objects.requireNonNull(persister, "persister"));
    }

    /**
     * Stores {@code records}, replacing those of the same names, all at once. On ZooKeeper one call
     * fits about 1,500 records of typical size; more fail with
     * {@link PersisterException.Reason#TOO_LARGE} and nothing is written: store them in parts.
     */
    public void storeTasks(Collection<TaskRecord> records) {
        Batch.Builder batch = Batch.builder();
        records.forEach(r -> batch.set(tasks.path(r.name()), StateJson.write(r)));
        persister.apply(batch.build());
    }

    /**
     * Records {@code status} as the last status of task {@code taskName}, if it is about that task's
     * current launch. A status of an earlier launch (the same name, another task id) is ignored, so
     * repeated or late status updates are harmless.
     *
     * @return the updated record; empty if there is no such task or the status is about another launch
     */
    public Optional<TaskRecord> storeStatus(String taskName, TaskStatus status) {
        Optional<TaskRecord> current = fetchTask(taskName);
        if (current.isEmpty() || !current.get().taskId().equals(status.taskId())) {
            return Optional.empty();
        }
        TaskRecord updated = current.get().withStatus(status);
        tasks.set(taskName, StateJson.write(updated));
        return Optional.of(updated);
    }

    /** @return the task named {@code taskName} */
    public Optional<TaskRecord> fetchTask(String taskName) {
        return tasks.get(taskName).map(json -> StateJson.read(json, TaskRecord.class, tasks.path(taskName)));
    }

    /** @return every task, sorted by name, read at once */
    public List<TaskRecord> fetchTasks() {
        List<TaskRecord> out = new ArrayList<>();
        new TreeMap<>(tasks.values()).forEach((name, json) -> out.add(StateJson.read(json, TaskRecord.class,
                tasks.path(name))));
        return out;
    }

    /** @return the names of all tasks */
    public List<String> fetchTaskNames() {
        return tasks.keys().stream().sorted().toList();
    }

    /** Deletes the named tasks that exist, all at once. */
    public void deleteTasks(Collection<String> taskNames) {
        tasks.deleteAll(taskNames);
    }

    /** Sets the goal override of pod instance {@code podInstanceName} ({@code <pod>-<index>}). */
    public void storeGoalOverride(String podInstanceName, GoalOverride override) {
        overrides.set(podInstanceName, StateJson.write(Objects.requireNonNull(override, "override")));
    }

    /** @return the goal override of {@code podInstanceName}; empty means the spec's goal applies */
    public Optional<GoalOverride> fetchGoalOverride(String podInstanceName) {
        return overrides.get(podInstanceName)
                .map(json -> StateJson.read(json, GoalOverride.class, overrides.path(podInstanceName)));
    }

    /** @return every pod instance's override, by pod instance name, sorted */
    public Map<String, GoalOverride> fetchGoalOverrides() {
        Map<String, GoalOverride> out = new TreeMap<>();
        overrides.values().forEach((name, json) ->
                out.put(name, StateJson.read(json, GoalOverride.class, overrides.path(name))));
        return out;
    }

    /** @return whether {@code podInstanceName} had an override, now removed */
    public boolean clearGoalOverride(String podInstanceName) {
        return overrides.delete(podInstanceName);
    }
}
