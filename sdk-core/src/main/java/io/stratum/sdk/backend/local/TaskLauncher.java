package io.stratum.sdk.backend.local;

import io.stratum.sdk.internal.process.ProcStat;
import io.stratum.sdk.internal.process.ProcessGroup;
import io.stratum.sdk.internal.process.Setsid;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Launches one agent's tasks as processes and finds them again after a scheduler restart.
 *
 * <p>A task runs as {@code setsid /bin/sh -c <wrapper> ... command}: in its own session and
 * process group (signalled as a whole, out of reach of the scheduler's terminal), in its sandbox,
 * with the {@link TaskEnvironment}, stdin from {@code /dev/null} and stdout/stderr appended to the
 * sandbox's files; no pipe ties it to the JVM, so it outlives the scheduler. Each launch is
 * checkpointed ({@link Checkpoint}) before the process starts and again with its pid, so a task
 * is never launched untracked; {@link #adopt()} re-adopts the live ones and reports the rest as
 * ended. A task (and its checkpoint) is kept until {@link #acknowledge} says its end is recorded:
 * if the scheduler dies first, the next {@code adopt()} reports that end again.
 *
 * <p>Thread-safe. {@link #close()} stops watching but leaves every task running.
 */
final class TaskLauncher implements AutoCloseable {
    static final Duration DEFAULT_POLL = Duration.ofMillis(250);

    private final AgentDirs agent;
    private final TaskEnvironment environment;
    private final TaskProcess.Timers timers;
    private final InstantSource clock;
    private final Duration poll;
    private final Setsid setsid;
    private final CheckpointStore checkpoints;
    private final Map<String, TaskProcess> tasks = new LinkedHashMap<>();
    private boolean closed;

    /**
     * @param poll how often a re-adopted task (not our child) is checked for its exit
     * @throws IllegalStateException if {@code setsid} is not installed
     */
    TaskLauncher(AgentDirs agent, TaskEnvironment environment, ScheduledExecutorService scheduler, InstantSource clock,
            Duration poll) {
        this.agent = agent;
        this.environment = environment;
        this.timers = new TaskProcess.Timers(scheduler, clock);
        this.clock = clock;
        this.poll = poll;
        this.setsid = Setsid.locate(System.getenv());
        this.checkpoints = new CheckpointStore(agent);
    }

    /**
     * @return the running task
     * @throws IllegalStateException if the task id was launched before, or the process cannot start
     */
    synchronized TaskProcess launch(ProcessLaunch launch) {
        String taskId = launch.taskId();
        if (closed) {
            throw new IllegalStateException("launcher of " + agent.root() + " is closed");
        }
        if (tasks.containsKey(taskId) || checkpoints.exists(taskId)) {
            throw new IllegalStateException("task " + taskId + " was launched already");
        }
        Sandbox sandbox = launch.sandbox();
        Checkpoint checkpoint = Checkpoint.launching(taskId, sandbox, launch.command());
        checkpoints.write(checkpoint);
        ProcessBuilder builder = new ProcessBuilder(setsid.wrap(TaskWrapper.command(launch.command(), sandbox.metaDir())))
                .directory(sandbox.dir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(sandbox.stdout().toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(sandbox.stderr().toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment.forTask(launch.environment(), sandbox));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            checkpoints.delete(taskId);
            throw new IllegalStateException("cannot launch task " + taskId + ": " + e.getMessage(), e);
        }
        long pid = process.pid();
        long startTicks = ProcStat.read(pid).map(ProcStat::startTicks).orElse(-1L);
        Instant start = process.info().startInstant().orElseGet(clock::instant); // gone already: adopt() won't match
        checkpoints.write(checkpoint.started(pid, start));
        TaskProcess task = new TaskProcess(taskId, new TaskIdentity(pid, startTicks, start), sandbox, Optional.of(process),
                timers);
        tasks.put(taskId, task);
        task.watch(poll);
        return task;
    }

    /**
     * Goes through the agent's checkpoints after a restart. A task whose process is alive and is
     * the same process (see {@link TaskIdentity}) is re-adopted and watched; any other is reported
     * ended, with the exit code its wrapper recorded if any, and what is left of its process group
     * is killed. Tasks this launcher already knows are skipped, so calling it twice is harmless.
     */
    synchronized Recovery adopt() {
        List<TaskProcess> running = new ArrayList<>();
        List<TaskExit> exited = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints.list()) {
            if (tasks.containsKey(checkpoint.taskId())) {
                continue;
            }
            Sandbox sandbox = checkpoint.sandboxDir();
            Optional<TaskIdentity> identity = TaskIdentity.find(checkpoint, sandbox);
            if (identity.isPresent()) {
                TaskIdentity found = identity.get();
                checkpoints.write(checkpoint.started(found.pid(), found.startTime()));
                TaskProcess task = new TaskProcess(checkpoint.taskId(), found, sandbox, Optional.empty(), timers);
                tasks.put(checkpoint.taskId(), task);
                task.watch(poll);
                running.add(task);
            } else {
                killLeftovers(checkpoint.pid());
                exited.add(new TaskExit(checkpoint.taskId(), sandbox.exitCode(), false, clock.instant()));
            }
        }
        return new Recovery(running, exited);
    }

    /** @return the task, launched or adopted and not yet acknowledged */
    synchronized Optional<TaskProcess> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    /**
     * Forgets an ended task: its end is recorded by the scheduler, so it needs no checkpoint.
     * Unknown task ids are ignored. The sandbox stays.
     *
     * @throws IllegalStateException if the task still runs
     */
    synchronized void acknowledge(String taskId) {
        TaskProcess task = tasks.get(taskId);
        if (task != null && !task.onExit().isDone()) {
            throw new IllegalStateException("task " + taskId + " still runs");
        }
        tasks.remove(taskId);
        checkpoints.delete(taskId);
    }

    /** Stops watching; the tasks run on, for the next launcher's {@link #adopt()}. */
    @Override
    public synchronized void close() {
        closed = true;
        tasks.values().forEach(TaskProcess::detach);
    }

    /**
     * A group whose leader is dead but which still has members can only be what is left of our
     * task: the kernel does not reuse a pid while a group bears it. If the pid's own process is a
     * member, the pid was reused by a new group leader, which is none of ours.
     */
    private static void killLeftovers(long pid) {
        if (pid <= 1) {
            return;
        }
        ProcessGroup group = new ProcessGroup(pid);
        List<Long> members = group.livingMembers();
        if (!members.isEmpty() && !members.contains(pid)) {
            group.signal(ProcessGroup.Signal.KILL);
        }
    }
}
