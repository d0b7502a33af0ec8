package io.stratum.sdk.backend.local;

import io.stratum.sdk.internal.process.ProcStat;
import io.stratum.sdk.internal.process.ProcessGroup;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A running task: its wrapper shell (the leader of the task's session and process group) and
 * everything it started. Either launched by this scheduler (our child: the JVM tells us when it
 * exits) or re-adopted after a restart (not our child: we poll whether it still lives).
 *
 * <p>When the wrapper exits, whatever is left in the group is killed (the task is over, as when
 * Mesos destroys a container) and {@link #onExit()} completes with the exit code the wrapper
 * recorded. Thread-safe; callbacks run on the launcher's scheduler.
 */
final class TaskProcess {
    /**
     * What a task process is watched with.
     *
     * @param scheduler runs the exit polls and kill timers (their callbacks are quick)
     * @param clock     the time of exits
     */
    record Timers(ScheduledExecutorService scheduler, InstantSource clock) {}

    private final String taskId;
    private final long pid;
    private final long startTicks;
    private final Instant startTime;
    private final Sandbox sandbox;
    private final Optional<Process> child;
    private final ScheduledExecutorService scheduler;
    private final InstantSource clock;
    private final CompletableFuture<TaskExit> exit = new CompletableFuture<>();
    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> forceKill;
    private ScheduledFuture<?> termAgain;
    private boolean killRequested;
    private boolean killSent;
    private boolean detached;

    /**
     * @param identity the wrapper's pid, start time and start in clock ticks since boot
     *                 ({@link ProcStat#startTicks()}, or -1 if it was gone before it could be read)
     * @param child    the process, if this JVM started it; empty for a re-adopted task
     */
    TaskProcess(String taskId, TaskIdentity identity, Sandbox sandbox, Optional<Process> child, Timers timers) {
        this.taskId = taskId;
        this.pid = identity.pid();
        this.startTicks = identity.startTicks();
        this.startTime = identity.startTime();
        this.sandbox = sandbox;
        this.child = child;
        this.scheduler = timers.scheduler();
        this.clock = timers.clock();
    }

    /** Starts watching for the wrapper's exit: our child's exit, or else by polling every {@code every}. */
    synchronized void watch(Duration every) {
        if (child.isPresent()) {
            child.get().onExit().thenRunAsync(this::exited, scheduler);
        } else {
            poll = scheduler.scheduleWithFixedDelay(() -> {
                if (!isAlive()) {
                    exited();
                }
            }, 0, every.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    String taskId() {
        return taskId;
    }

    /** @return the wrapper's pid, which is also the task's process group and session id */
    long pid() {
        return pid;
    }

    Instant startTime() {
        return startTime;
    }

    Sandbox sandbox() {
        return sandbox;
    }

    /** @return whether this process was re-adopted rather than launched by this scheduler */
    boolean adopted() {
        return child.isEmpty();
    }

    /** @return whether the wrapper still runs (the same process: a reused pid is not it) */
    boolean isAlive() {
        return ProcStat.read(pid).filter(now -> now.isLiving() && now.startTicks() == startTicks).isPresent();
    }

    /** @return completes once when the task has ended; completing the returned future has no effect */
    CompletableFuture<TaskExit> onExit() {
        return exit.copy();
    }

    /**
     * Kills the task: SIGTERM to its process group, then, if the wrapper still runs after
     * {@code grace}, SIGKILL to the group. A second call returns the same exit.
     *
     * <p>If the command had not started when SIGTERM was sent, the signal may have landed in the
     * wrapper's forked child before it became the command, where the wrapper's no-op trap swallows
     * it ({@link TaskWrapper}); so SIGTERM is sent again as soon as the command has started.
     *
     * @param grace how long the task has to end after SIGTERM (0: SIGKILL at once)
     * @return completes when the task has ended
     */
    synchronized CompletableFuture<TaskExit> kill(Duration grace) {
        if (!killRequested && !exit.isDone()) {
            killRequested = true;
            boolean commandStarted = sandbox.commandStarted();
            signal(ProcessGroup.Signal.TERM);
            if (!commandStarted && !grace.isZero()) {
                termAgain = scheduler.scheduleWithFixedDelay(this::termOnceStarted, 20, 20, TimeUnit.MILLISECONDS);
            }
            forceKill = scheduler.schedule(() -> {
                synchronized (this) {
                    if (!exit.isDone()) {
                        killSent = true;
                        signal(ProcessGroup.Signal.KILL);
                    }
                }
            }, grace.toNanos(), TimeUnit.NANOSECONDS);
        }
        return onExit();
    }

    /** Stops watching (the scheduler is going away); the task runs on and {@link #onExit()} never completes. */
    synchronized void detach() {
        detached = true;
        cancelTimers();
    }

    /** Cancels the exit poll and the kill timers, whichever exist. */
    private void cancelTimers() {
        for (ScheduledFuture<?> timer : new ScheduledFuture<?>[] {poll, forceKill, termAgain}) {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    private synchronized void termOnceStarted() {
        if (exit.isDone() || killSent || detached) {
            termAgain.cancel(false);
        } else if (sandbox.commandStarted()) {
            termAgain.cancel(false);
            signal(ProcessGroup.Signal.TERM);
        }
    }

    private synchronized void exited() {
        if (exit.isDone() || detached) {
            return;
        }
        cancelTimers();
        ProcessGroup group = new ProcessGroup(pid);
        if (!group.isEmpty()) {
            group.signal(ProcessGroup.Signal.KILL); // leftovers: a daemon the command forked, say
        }
        exit.complete(new TaskExit(taskId, exitCode(), killRequested, clock.instant()));
    }

    private OptionalInt exitCode() {
        OptionalInt recorded = sandbox.exitCode();
        if (recorded.isPresent()) {
            return recorded;
        }
        if (child.isPresent()) {
            return OptionalInt.of(child.get().exitValue()); // the wrapper died before recording: 128 + signal
        }
        return killSent ? OptionalInt.of(128 + 9) : OptionalInt.empty();
    }

    private void signal(ProcessGroup.Signal signal) {
        if (!new ProcessGroup(pid).signal(signal) && isAlive()) {
            // Just launched: setsid has not made the group yet, so signal the process alone.
            ProcessHandle.of(pid).ifPresent(signal == ProcessGroup.Signal.KILL ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        }
    }
}
