package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.spec.CheckSpec;
import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every task the cluster launched, by id, and the statuses they report: scripted steps (those with
 * a delay wait in a queue ordered by due time), commands, kills, and updates the master makes
 * itself (no ack id). Updates with an ack id are kept until acknowledged. When a task reaches a
 * terminal state, {@code onTerminal} frees what it used. Mutable; guarded by the cluster's lock.
 */
final class TaskLifecycle {
    private final InstantSource clock;
    private final EventQueue events;
    private final Consumer<ScriptedTask> onTerminal;
    private final Map<String, ScriptedTask> tasks = new LinkedHashMap<>();
    private final List<TaskLaunch> launched = new ArrayList<>();
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparing(Pending::due).thenComparingLong(Pending::seq));
    private final Map<String, TaskStatusUpdate> unacked = new LinkedHashMap<>();
    private long ackSeq;
    private long pendingSeq;

    /** A scripted step waiting for the clock: the first of {@code steps}, the rest to follow it. */
    private record Pending(Instant due, long seq, ScriptedTask task, int generation, List<TaskBehaviour.Step> steps) {
    }

    TaskLifecycle(InstantSource clock, EventQueue events, Consumer<ScriptedTask> onTerminal) {
        this.clock = clock;
        this.events = events;
        this.onTerminal = onTerminal;
    }

    ScriptedTask get(String taskId) {
        return tasks.get(taskId);
    }

    boolean isKnown(String taskId) {
        return tasks.containsKey(taskId);
    }

    List<ScriptedTask> all() {
        return new ArrayList<>(tasks.values());
    }

    List<TaskLaunch> launched() {
        return List.copyOf(launched);
    }

    List<TaskStatusUpdate> unacknowledged() {
        return List.copyOf(unacked.values());
    }

    /** Registers a launched task, STAGING, without reporting anything yet. */
    ScriptedTask register(TaskLaunch launch, String agentId) {
        ScriptedTask task = new ScriptedTask(launch, agentId, clock.instant());
        tasks.put(launch.taskId(), task);
        launched.add(launch);
        return task;
    }

    /** Starts a registered task's script: its steps due now are reported at once. */
    void start(ScriptedTask task, TaskBehaviour behaviour) {
        play(task, behaviour.steps(), clock.instant());
    }

    /** @return how many scripted steps were reported because their time came */
    int releaseDue() {
        Instant now = clock.instant();
        int released = 0;
        while (!pending.isEmpty() && !pending.peek().due().isAfter(now)) {
            Pending p = pending.poll();
            if (p.generation() == p.task().generation && p.task().isLive()) {
                report(p.task(), p.steps().get(0));
                released++;
                play(p.task(), p.steps().subList(1, p.steps().size()), p.due());
            }
        }
        return released;
    }

    private void play(ScriptedTask task, List<TaskBehaviour.Step> steps, Instant base) {
        Instant now = clock.instant();
        for (int i = 0; i < steps.size() && task.isLive(); i++) {
            Instant due = base.plus(steps.get(i).delay());
            if (due.isAfter(now)) {
                pending.add(new Pending(due, pendingSeq++, task, task.generation, steps.subList(i, steps.size())));
                return;
            }
            report(task, steps.get(i));
            base = due;
        }
    }

    private void report(ScriptedTask task, TaskBehaviour.Step step) {
        CheckState health = check(step.health(), step.state(), task.launch.spec().healthCheck(), task.status.health());
        CheckState readiness = check(step.readiness(), step.state(), task.launch.spec().readinessCheck(),
                task.status.readiness());
        send(task, new TaskStatus(task.id(), step.state(), health, readiness, step.message(), clock.instant()), true);
    }

    private static CheckState check(CheckState given, TaskState state, CheckSpec spec, CheckState previous) {
        if (given != null) {
            return given;
        }
        return state == TaskState.RUNNING && spec != null ? CheckState.PASSED : previous;
    }

    /** Reports, as its agent, a state change of a live task keeping its check results: with an ack id. */
    void report(ScriptedTask task, TaskState state, String message) {
        send(task, now(task, state).withMessage(message), true);
    }

    /** Reports, as the master, a state change of a live task keeping its check results: without ack id. */
    void reportAsMaster(ScriptedTask task, TaskState state, String message) {
        send(task, now(task, state).withMessage(message), false);
    }

    /** Reports, as its agent, new check results of a live task in its current state. */
    void reportChecks(ScriptedTask task, CheckState health, CheckState readiness, String message) {
        send(task, now(task, task.status.state()).withHealth(health).withReadiness(readiness).withMessage(message), true);
    }

    /** @return the task's status in {@code state} now, with its check results */
    private TaskStatus now(ScriptedTask task, TaskState state) {
        return new TaskStatus(task.id(), state, task.status.health(), task.status.readiness(), "", clock.instant());
    }

    /** Reports a new status of a known task; with an ack id when the agent (not the master) reports it. */
    private void send(ScriptedTask task, TaskStatus status, boolean fromAgent) {
        task.status = status;
        Optional<String> ackId = fromAgent ? Optional.of("sim-ack-" + ++ackSeq) : Optional.empty();
        TaskStatusUpdate update = new TaskStatusUpdate(status, Optional.of(task.agentId), ackId);
        ackId.ifPresent(id -> unacked.put(id, update));
        events.status(update);
        if (status.state().isTerminal()) {
            onTerminal.accept(task);
        }
    }

    /** Reports, as the master, about a task the cluster does not track (a refused or stale launch, an unknown id). */
    void reportUntracked(String taskId, Optional<String> agentId, TaskState state, String message) {
        TaskStatus status = new TaskStatus(taskId, state, null, null, message, clock.instant());
        events.status(new TaskStatusUpdate(status, agentId, Optional.empty()));
    }

    /** Drops the task's scripted steps still waiting: a kill or a restart decides what comes next. */
    void overrideScript(ScriptedTask task) {
        task.generation++;
    }

    void acknowledge(TaskStatusUpdate update) {
        update.ackId().ifPresent(unacked::remove);
    }

    /** Queues again the unacknowledged updates of the tasks {@code taskIds}, or of all when null. */
    void redeliverUnacked(Set<String> taskIds) {
        for (TaskStatusUpdate update : unacked.values()) {
            if (taskIds == null || taskIds.contains(update.taskId())) {
                events.status(update);
            }
        }
    }

    /** Answers a reconciliation as the master: latest statuses without ack id. */
    void reconcile(List<String> taskIds) {
        // retried updates first, so that the latest status is also the last one the scheduler sees
        if (taskIds.isEmpty()) {
            redeliverUnacked(null);
            tasks.values().stream().filter(ScriptedTask::isLive).forEach(this::answer);
            return;
        }
        redeliverUnacked(Set.copyOf(taskIds));
        for (String id : taskIds) {
            ScriptedTask task = tasks.get(id);
            if (task == null) {
                reportUntracked(id, Optional.empty(), TaskState.LOST, "reconciliation: task unknown to the cluster");
            } else {
                answer(task);
            }
        }
    }

    private void answer(ScriptedTask task) {
        events.status(new TaskStatusUpdate(task.status, Optional.of(task.agentId), Optional.empty()));
    }
}
