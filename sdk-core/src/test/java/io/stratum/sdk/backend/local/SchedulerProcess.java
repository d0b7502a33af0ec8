package io.stratum.sdk.backend.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A stand-in scheduler for {@link SchedulerDeathIT}, run in a JVM of its own: launches one task
 * ({@code args: workDir taskId command}), prints {@code launched <pid>}, then waits (at most a
 * minute) to be killed.
 */
final class SchedulerProcess {
    private SchedulerProcess() {}

    public static void main(String[] args) throws Exception {
        AgentDirs agent = AgentDirs.of(Path.of(args[0]), "agent-1");
        TaskLauncher launcher = new TaskLauncher(agent, new TaskEnvironment(System.getenv()),
                Executors.newSingleThreadScheduledExecutor(), InstantSource.system(), Duration.ofMillis(50));
        Sandbox sandbox = Sandbox.create(agent, args[1], Map.of(), Map.of());
        TaskProcess task = launcher.launch(new ProcessLaunch(args[1], args[2], Map.of(), sandbox));
        System.out.println("launched " + task.pid());
        System.out.flush();
        Thread.sleep(60_000);
        System.exit(1);
    }
}
