package io.stratum.sdk.backend.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@link LocalBackend#destroyAll}: kills every task of the work dir, then destroys every volume,
 * unreserves everything and deletes the agents' files. Agent directories beyond the configured
 * agents (left by a run with more of them) are found on disk and cleared too.
 */
final class Uninstaller {
    private final Path agentsDir;
    private final List<LocalAgent> agents;
    private final TaskEnvironment environment;
    private final ScheduledExecutorService scheduler;
    private final InstantSource clock;
    private final List<TaskLauncher> others = new ArrayList<>();

    Uninstaller(Path workDir, List<LocalAgent> agents, TaskEnvironment environment, ScheduledExecutorService scheduler,
            InstantSource clock) {
        this.agentsDir = workDir.resolve("agents");
        this.agents = agents;
        this.environment = environment;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Kills the supervisor's live tasks and those running on agent directories beyond the
     * configured agents, each with its kill grace period.
     *
     * @return completes when every one has ended
     */
    CompletableFuture<Void> killAll(TaskSupervisor supervisor) {
        List<CompletableFuture<?>> exits = new ArrayList<>();
        exits.add(supervisor.killAll());
        for (Path dir : otherAgentDirs()) {
            AgentDirs dirs = new AgentDirs(dir);
            Map<String, LaunchRecord> records = new JsonDirectory<>("launch record", dirs.launches(), LaunchRecord.class,
                    dirs::launch).list().stream().collect(Collectors.toMap(LaunchRecord::taskId, r -> r, (a, b) -> a));
            TaskLauncher launcher = new TaskLauncher(dirs, environment, scheduler, clock, TaskLauncher.DEFAULT_POLL);
            others.add(launcher);
            for (TaskProcess task : launcher.adopt().running()) {
                LaunchRecord record = records.get(task.taskId());
                exits.add(task.kill(Duration.ofSeconds(record == null ? 0 : record.killGracePeriod())));
            }
        }
        return CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new));
    }

    /** @throws IllegalStateException if the tasks have not all ended within {@code timeout} */
    void await(CompletableFuture<Void> exits, Duration timeout) {
        try {
            exits.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("tasks still run " + timeout.toSeconds() + " s after they were killed; nothing deleted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot kill every task: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the tasks to end", e);
        }
    }

    /** Destroys every volume, unreserves everything and deletes every agent's files. The tasks must have ended. */
    void wipe() {
        for (LocalAgent agent : agents) {
            agent.ledger().wipe();
            FileTrees.delete("agent directory", agent.dirs().root());
        }
        others.forEach(TaskLauncher::close);
        otherAgentDirs().forEach(dir -> FileTrees.delete("agent directory", dir));
        try {
            Files.deleteIfExists(agentsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + agentsDir, e);
        }
    }

    private List<Path> otherAgentDirs() {
        Set<Path> configured = agents.stream().map(a -> a.dirs().root()).collect(Collectors.toSet());
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(agentsDir, Files::isDirectory)) {
            children.forEach(dir -> {
                if (!configured.contains(dir.toAbsolutePath().normalize())) {
                    dirs.add(dir);
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + agentsDir, e);
        }
        return dirs;
    }
}
