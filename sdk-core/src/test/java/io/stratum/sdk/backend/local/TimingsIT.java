package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.LocalFixtures.WAIT;
import static io.stratum.sdk.backend.local.LocalFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measures the process layer's latencies and prints them ({@code TIMING ...} lines); the bounds
 * asserted are loose, to catch a regression by an order of magnitude, not to benchmark.
 */
class TimingsIT {
    private static final int RUNS = 10;

    @RegisterExtension
    final LocalFixtures fixtures = new LocalFixtures();
    private final TaskLauncher launcher = fixtures.launcher();
    private int launched;

    private TaskProcess launch(String command) {
        return fixtures.launch(launcher, "task-" + launched++, command);
    }

    @Test
    void launchExitAndKillAreQuick() {
        Duration launch = median("launch (sandbox + checkpoints + spawn)", () -> {
            long started = System.nanoTime();
            launch("exit 0");
            return Duration.ofNanos(System.nanoTime() - started);
        });
        Duration running = median("launch to the command's first output", () -> {
            long started = System.nanoTime();
            TaskProcess task = launch("echo up; exec sleep 1000");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> read(task.sandbox().stdout()).startsWith("up"));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            task.kill(Duration.ZERO).join();
            return elapsed;
        });
        Duration exit = median("launch to exit reported (exit 0)", () -> {
            long started = System.nanoTime();
            get(launch("exit 0"));
            return Duration.ofNanos(System.nanoTime() - started);
        });
        Duration kill = median("kill to exit reported (SIGTERM honoured)", () -> {
            TaskProcess task = launch("echo up; exec sleep 1000");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> read(task.sandbox().stdout()).startsWith("up"));
            long started = System.nanoTime();
            task.kill(Duration.ofSeconds(30)).join();
            return Duration.ofNanos(System.nanoTime() - started);
        });

        assertThat(List.of(launch, running, exit, kill)).allMatch(duration -> duration.compareTo(Duration.ofSeconds(1)) < 0);
    }

    @Test
    void sigkillFollowsTheGracePeriodPromptly() {
        Duration grace = Duration.ofMillis(200);
        Duration overrun = median("kill to exit reported beyond a 200 ms grace (SIGTERM ignored)", () -> {
            TaskProcess task = launch("trap '' TERM; echo up; sleep 1000");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> read(task.sandbox().stdout()).startsWith("up"));
            long started = System.nanoTime();
            task.kill(grace).join();
            return Duration.ofNanos(System.nanoTime() - started).minus(grace);
        });

        assertThat(overrun).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void adoptionAfterARestartIsQuick() {
        for (int i = 0; i < RUNS; i++) {
            launch("sleep 1000");
        }
        launcher.close();
        TaskLauncher next = fixtures.launcher();

        long started = System.nanoTime();
        Recovery recovery = next.adopt();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        System.out.printf("TIMING adopt() of %d live tasks: %d ms%n", RUNS, elapsed.toMillis());
        assertThat(recovery.running()).hasSize(RUNS);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
    }

    private static TaskExit get(TaskProcess task) {
        try {
            return task.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Duration median(String what, Supplier<Duration> run) {
        List<Duration> durations = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            durations.add(run.get());
        }
        Collections.sort(durations);
        Duration median = durations.get(RUNS / 2);
        System.out.printf("TIMING %s: median %.1f ms, max %.1f ms (%d runs)%n", what, median.toNanos() / 1e6,
                durations.get(RUNS - 1).toNanos() / 1e6, RUNS);
        return median;
    }
}
