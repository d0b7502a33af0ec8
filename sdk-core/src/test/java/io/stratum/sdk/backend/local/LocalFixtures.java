package io.stratum.sdk.backend.local;

import io.stratum.sdk.internal.process.ProcStat;
import io.stratum.sdk.internal.process.ProcessGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An agent in a temporary work dir with launchers over it; a JUnit extension, one per test:
 * {@code @RegisterExtension final LocalFixtures fixtures = new LocalFixtures();}. After each test
 * it kills every process group launched through it (tests must leave no process behind), stops
 * the scheduler and deletes the work dir.
 */
final class LocalFixtures implements AfterEachCallback {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration POLL = Duration.ofMillis(50);

    final Path workDir;
    final AgentDirs agent;
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Long> groups = new ArrayList<>();
    private final List<TaskLauncher> launchers = new ArrayList<>();

    LocalFixtures() {
        try {
            this.workDir = Files.createTempDirectory("stratum-local-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.agent = AgentDirs.of(workDir, "agent-1");
    }

    /** @return a new launcher over the agent, as a (re)started scheduler would make */
    TaskLauncher launcher() {
        TaskLauncher launcher = new TaskLauncher(agent, new TaskEnvironment(System.getenv()), scheduler,
                InstantSource.system(), POLL);
        launchers.add(launcher);
        return launcher;
    }

    TaskProcess launch(TaskLauncher launcher, String taskId, String command) {
        return launch(launcher, taskId, command, Map.of(), Map.of());
    }

    /** @param volumes persistence id (on the root disk) by path in the sandbox */
    TaskProcess launch(TaskLauncher launcher, String taskId, String command, Map<String, String> env,
            Map<String, String> volumes) {
        Map<String, Path> dirs = new java.util.LinkedHashMap<>();
        volumes.forEach((path, persistenceId) -> dirs.put(path, agent.volume(persistenceId)));
        Sandbox sandbox = Sandbox.create(agent, taskId, dirs, Map.of());
        TaskProcess task = launcher.launch(new ProcessLaunch(taskId, command, env, sandbox));
        groups.add(task.pid());
        return task;
    }

    /** Makes {@link #close()} kill this process group too (a task launched by another JVM). */
    void track(long pid) {
        groups.add(pid);
    }

    static boolean living(long pid) {
        return ProcStat.read(pid).filter(ProcStat::isLiving).isPresent();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        launchers.forEach(TaskLauncher::close);
        for (long group : groups) {
            ProcessGroup processGroup = new ProcessGroup(group);
            if (!processGroup.isEmpty()) {
                processGroup.signal(ProcessGroup.Signal.KILL);
            }
        }
        scheduler.shutdownNow();
        try (Stream<Path> files = Files.walk(workDir)) { // does not follow the volume links
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
