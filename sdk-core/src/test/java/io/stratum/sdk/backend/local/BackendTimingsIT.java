package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.BackendFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measures the backend's latencies as the scheduler sees them, through its listener, and prints
 * them ({@code TIMING ...} lines); the bounds asserted are loose, to catch a regression by an
 * order of magnitude, not to benchmark.
 */
class BackendTimingsIT {
    private static final int RUNS = 10;
    private static final String READINESS = """
            readiness-check:
              cmd: "true"
              interval: 1
              delay: 0
              timeout: 1
            """;

    @RegisterExtension
    final BackendFixtures fixtures = new BackendFixtures();

    private List<EvaluationResult.Success> launchAll(BackendFixtures.Started started, List<Duration> toRunning,
            List<Duration> toReady) {
        PodSpec pod = fixtures.pod(RUNS, "RUNNING", "exec sleep 1000", READINESS);
        List<EvaluationResult.Success> launched = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            var offers = started.events().offers(2);
            long accepted = System.nanoTime();
            EvaluationResult.Success success = fixtures.launch(started, PodRequest.newInstance(pod, i), offers);
            launched.add(success);
            String task = taskId(success);
            toRunning.add(Duration.ofNanos(started.events().arrival(task, s -> s.state() == TaskState.RUNNING) - accepted));
            toReady.add(Duration.ofNanos(started.events().arrival(task, s -> s.readiness() == CheckState.PASSED) - accepted));
        }
        return launched;
    }

    @Test
    void launchReadinessKillAndReofferAreQuick() {
        BackendFixtures.Started started = fixtures.start();
        List<Duration> toRunning = new ArrayList<>();
        List<Duration> toReady = new ArrayList<>();
        List<EvaluationResult.Success> launched = launchAll(started, toRunning, toReady);
        List<Duration> toKilled = new ArrayList<>();
        List<Duration> toReoffer = new ArrayList<>();
        for (EvaluationResult.Success success : launched) {
            String task = taskId(success);
            long kill = System.nanoTime();
            started.backend().kill(task, Duration.ofSeconds(5));
            long killed = started.events().arrival(task, s -> s.state() == TaskState.KILLED);
            toKilled.add(Duration.ofNanos(killed - kill));
            var ids = success.footprint().resourceIds();
            started.events().offer(success.offer().agent().id(), o -> o.resources().stream()
                    .flatMap(r -> r.resourceId().stream()).toList().containsAll(ids));
            toReoffer.add(Duration.ofNanos(System.nanoTime() - killed));
        }

        assertThat(report("accept to RUNNING", toRunning)).isLessThan(Duration.ofMillis(500));
        assertThat(report("accept to readiness PASSED (check delay 0)", toReady)).isLessThan(Duration.ofSeconds(2));
        assertThat(report("kill to KILLED (SIGTERM honoured)", toKilled)).isLessThan(Duration.ofMillis(500));
        assertThat(report("KILLED to its reservations offered again", toReoffer))
                .isLessThan(Duration.ofMillis(500));
    }

    @Test
    void aRestartTakesOverRunningTasksQuickly() {
        BackendFixtures.Started first = fixtures.start();
        List<EvaluationResult.Success> launched = launchAll(first, new ArrayList<>(), new ArrayList<>());
        first.backend().close();
        List<String> ids = launched.stream().map(BackendFixtures::taskId).toList();

        long start = System.nanoTime();
        LocalBackend second = fixtures.builder().build();
        Recorder events = new Recorder();
        events.backend = second;
        second.start(Optional.empty(), events);
        second.reconcile(ids);
        await().atMost(Recorder.WAIT).pollInterval(Duration.ofMillis(1)).until(() -> events.updates.size() >= RUNS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        second.close();

        System.out.printf("TIMING restart: build, start, re-adopt %d live tasks and answer their reconciliation: %.1f ms%n",
                RUNS, elapsed.toNanos() / 1e6);
        assertThat(events.updates).allSatisfy(u -> assertThat(u.status().state()).isEqualTo(TaskState.RUNNING));
        assertThat(elapsed).isLessThan(Duration.ofSeconds(2));
    }

    private static Duration report(String what, List<Duration> durations) {
        List<Duration> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        Duration median = sorted.get(sorted.size() / 2);
        System.out.printf("TIMING %s: median %.1f ms, max %.1f ms (%d runs)%n", what, median.toNanos() / 1e6,
                sorted.get(sorted.size() - 1).toNanos() / 1e6, sorted.size());
        return median;
    }
}
