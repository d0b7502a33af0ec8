package io.stratum.sdk.backend.local;

import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import io.stratum.sdk.internal.check.CheckKind;
import io.stratum.sdk.internal.check.CheckResult;
import io.stratum.sdk.internal.check.CheckResult.Verdict;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Every task the backend knows and what it reports about them: launches, check results, kills,
 * exits, reconciliation answers. Each task that reaches a terminal state is handed to the backend
 * once, so what it held can be released. Not thread-safe: the backend's thread only, except
 * {@link #info}.
 */
final class TaskSupervisor {
    private final Map<String, LocalTask> tasks = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> info = new ConcurrentHashMap<>();
    private final StatusUpdates updates;
    private final TaskChecks checks;
    private final InstantSource clock;
    private final Executor backendThread;
    private final Consumer<LocalTask> ended;

    /** @param ended told of each task that reached a terminal state, once, after its update was sent */
    TaskSupervisor(StatusUpdates updates, TaskChecks checks, InstantSource clock, Executor backendThread,
            Consumer<LocalTask> ended) {
        this.updates = updates;
        this.checks = checks;
        this.clock = clock;
        this.backendThread = backendThread;
        this.ended = ended;
    }

    /** A task was launched: STARTING, then RUNNING, and its checks start. */
    void launched(LocalAgent agent, TaskStarter.Started started) {
        TaskProcess process = started.process();
        LocalTask task = add(agent, started.record(), Optional.of(process), TaskState.STARTING,
                "launching on " + agent.address());
        report(task, task.status().state(), task.status().message());
        report(task, TaskState.RUNNING, "running as pid " + process.pid() + " on " + agent.address());
        watch(task);
    }

    /** A task still running after a restart is taken over: RUNNING (not reported: reconciliation tells). */
    void adopted(LocalAgent agent, LaunchRecord record, TaskProcess process) {
        LocalTask task = add(agent, record, Optional.of(process), TaskState.RUNNING,
                "re-adopted as pid " + process.pid() + " on " + agent.address());
        if (record.ready()) {
            task.status(task.status().withReadiness(CheckState.PASSED));
        }
        watch(task);
    }

    /** A task running after a restart without its launch record: it is killed and reported FAILED. */
    void orphaned(LocalAgent agent, TaskProcess process) {
        LocalTask task = add(agent, LaunchRecord.unrecorded(process.taskId(), process.taskId(), ""), Optional.of(process), TaskState.RUNNING, "re-adopted without its launch record");
        task.failure("its launch record was lost, so it was killed");
        process.onExit().thenAcceptAsync(exit -> exited(task, exit), backendThread);
        process.kill(Duration.ZERO);
    }

    /** A task ended while no backend watched it (or never started): reported at once. */
    void ended(LocalAgent agent, LaunchRecord record, TaskState state, String message) {
        LocalTask task = add(agent, record, Optional.empty(), state, message);
        updates.send(task.status(), agent.id());
        ended.accept(task);
    }

    /**
     * Answers for a task the backend will not track, as a master does when a launch never reaches
     * an agent (e.g. DROPPED for an offer no longer valid): once, without ack id.
     */
    void untracked(String taskId, TaskState state, String message) {
        updates.answer(TaskStatus.of(taskId, state, clock.instant()).withMessage(message), Optional.empty());
    }

    /** @return whether the backend knows the task, live or ended */
    boolean knows(String taskId) {
        return tasks.containsKey(taskId);
    }

    void kill(String taskId, Duration grace) {
        LocalTask task = tasks.get(taskId);
        if (task == null) {
            untracked(taskId, TaskState.LOST, "unknown task");
            return;
        }
        kill(task, grace);
    }

    /** @return completes when the task has ended; already complete if it has */
    private CompletableFuture<TaskExit> kill(LocalTask task, Duration grace) {
        if (!task.isLive() || task.process().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (task.status().state() != TaskState.KILLING) {
            report(task, TaskState.KILLING, "killing: SIGTERM, then SIGKILL after " + grace.toMillis() + " ms");
        }
        return task.process().get().kill(grace);
    }

    /**
     * Kills every live task with its own kill grace period.
     *
     * @return completes when all have ended and each end has been reported (on the backend thread;
     *     whichever of this and the exit watch comes first reports, the other finds the task ended)
     */
    CompletableFuture<Void> killAll() {
        List<CompletableFuture<Void>> exits = new ArrayList<>();
        for (LocalTask task : tasks.values()) {
            exits.add(kill(task, Duration.ofSeconds(task.record().killGracePeriod())).thenCompose(exit ->
                    exit == null ? CompletableFuture.<Void>completedFuture(null)
                            : CompletableFuture.runAsync(() -> exited(task, exit), backendThread)));
        }
        return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new));
    }

    void reconcile(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            tasks.values().forEach(t -> updates.answer(t.status(), Optional.of(t.agent().id())));
            return;
        }
        for (String id : taskIds) {
            LocalTask task = tasks.get(id);
            if (task == null) {
                updates.answer(TaskStatus.of(id, TaskState.LOST, clock.instant())
                        .withMessage("unknown to the local backend"), Optional.empty());
            } else {
                updates.answer(task.status(), Optional.of(task.agent().id()));
            }
        }
    }

    /** The scheduler has recorded an update: once it has a task's end, the task's files may go. */
    void acknowledged(TaskStatus status) {
        LocalTask task = tasks.get(status.taskId());
        if (task != null && status.state().isTerminal()) {
            task.agent().launcher().acknowledge(task.id());
            task.agent().launches().delete(task.id());
        }
    }

    /** @return sandbox, pid, agent and address of a task, if known; callable from any thread */
    Map<String, String> info(String taskId) {
        return info.getOrDefault(taskId, Map.of());
    }

    void closeChecks() {
        tasks.values().forEach(LocalTask::closeChecks);
    }

    private LocalTask add(LocalAgent agent, LaunchRecord record, Optional<TaskProcess> process, TaskState state,
            String message) {
        LocalTask task = new LocalTask(agent, record, process,
                TaskStatus.of(record.taskId(), state, clock.instant()).withMessage(message));
        tasks.put(task.id(), task);
        info.put(task.id(), Map.copyOf(task.info()));
        return task;
    }

    private void watch(LocalTask task) {
        checks.start(task, this::checked);
        task.process().orElseThrow().onExit().thenAcceptAsync(exit -> exited(task, exit), backendThread);
    }

    private void checked(LocalTask task, CheckResult result) {
        if (task.status().state() != TaskState.RUNNING) {
            return;
        }
        TaskStatus status = task.status();
        if (result.kind() == CheckKind.READINESS) {
            if (result.verdict() == Verdict.READY) {
                task.ready();
            }
            CheckState readiness = result.passed() ? CheckState.PASSED : CheckState.FAILED;
            if (readiness != status.readiness()) {
                task.status(status.withReadiness(readiness));
                report(task, TaskState.RUNNING, result.passed() ? "ready" : "not ready: " + result.output());
            }
            return;
        }
        if (result.verdict() == Verdict.IGNORED) {
            return;
        }
        CheckState health = result.passed() ? CheckState.PASSED : CheckState.FAILED;
        if (result.verdict() == Verdict.UNHEALTHY) {
            String why = "health check failed " + result.consecutiveFailures() + " times in a row: " + result.output();
            task.failure(why);
            task.status(status.withHealth(health));
            report(task, TaskState.RUNNING, why + "; killing it");
            task.process().orElseThrow().kill(Duration.ofSeconds(task.record().killGracePeriod()));
        } else if (health != status.health()) {
            task.status(status.withHealth(health));
            report(task, TaskState.RUNNING, result.passed() ? "healthy" : "health check failed: " + result.output());
        }
    }

    private void exited(LocalTask task, TaskExit exit) {
        if (!task.isLive()) {
            return;
        }
        task.closeChecks();
        String code = exit.exitCode().isPresent() ? "exit code " + exit.exitCode().getAsInt() : "no exit code";
        if (task.failure().isPresent()) {
            report(task, TaskState.FAILED, task.failure().get() + " (" + code + ")");
        } else if (exit.killed()) {
            report(task, TaskState.KILLED, "killed (" + code + ")");
        } else if (exit.succeeded()) {
            report(task, TaskState.FINISHED, "exited with code 0");
        } else {
            report(task, TaskState.FAILED, exit.exitCode().isPresent() ? "exited with code " + exit.exitCode().getAsInt()
                    : "ended without an exit code (killed by a signal)");
        }
    }

    private void report(LocalTask task, TaskState state, String message) {
        TaskStatus last = task.status();
        TaskStatus status = new TaskStatus(task.id(), state, last.health(), last.readiness(), message, clock.instant());
        task.status(status);
        updates.send(status, task.agent().id());
        if (state.isTerminal()) {
            ended.accept(task);
        }
    }
}
