package io.stratum.sdk.internal.check;

import static io.stratum.sdk.internal.check.CheckFixtures.context;
import static io.stratum.sdk.internal.check.CheckFixtures.every;
import static io.stratum.sdk.internal.check.CheckFixtures.start;
import static io.stratum.sdk.internal.check.CheckResult.Verdict.FAILED;
import static io.stratum.sdk.internal.check.CheckResult.Verdict.IGNORED;
import static io.stratum.sdk.internal.check.CheckResult.Verdict.NOT_READY;
import static io.stratum.sdk.internal.check.CheckResult.Verdict.PASSED;
import static io.stratum.sdk.internal.check.CheckResult.Verdict.READY;
import static io.stratum.sdk.internal.check.CheckResult.Verdict.UNHEALTHY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.spec.CheckProbe;
import io.stratum.sdk.spec.CheckSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sequences of probes: grace period, consecutive failures, readiness, stopping. */
class CheckLoopIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Fails until the file {@code up} exists. */
    private static final CheckProbe UP = new CheckProbe.Command("test -f up");

    @TempDir
    Path sandbox;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final CheckRunner runner = CheckRunner.builder().withScheduler(scheduler).build();
    private final CheckFixtures.Recorder recorder = new CheckFixtures.Recorder();

    @AfterEach
    void close() {
        runner.close();
        assertThat(scheduler.isShutdown()).as("an injected scheduler is the caller's").isFalse();
        scheduler.shutdownNow();
    }

    @Test
    void consecutiveFailuresMakeATaskUnhealthyOnce() throws InterruptedException {
        RunningCheck check = start(runner, CheckKind.HEALTH, UP, every(50, 5_000, 3), context(sandbox), recorder);

        await().atMost(WAIT).until(check::isDone);
        Thread.sleep(200); // nothing more comes
        assertThat(recorder.verdicts()).containsExactly(FAILED, FAILED, UNHEALTHY);
        assertThat(recorder.results).extracting(CheckResult::consecutiveFailures).containsExactly(1, 2, 3);
    }

    @Test
    void failuresInTheGracePeriodDoNotCount() {
        CheckTiming timing = new CheckTiming(Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(5),
                Duration.ofMillis(600), 2);
        RunningCheck check = start(runner, CheckKind.HEALTH, UP, timing, context(sandbox), recorder);

        await().atMost(WAIT).until(check::isDone);
        assertThat(recorder.verdicts()).first().isEqualTo(IGNORED);
        assertThat(recorder.verdicts()).endsWith(FAILED, UNHEALTHY).doesNotContain(PASSED);
        assertThat(recorder.results.get(recorder.results.size() - 2).time())
                .isAfterOrEqualTo(recorder.results.get(0).time().plusMillis(500));
    }

    @Test
    void aPassingHealthCheckKeepsReportingUntilClosed() throws Exception {
        Files.createFile(sandbox.resolve("up"));
        RunningCheck check = start(runner, CheckKind.HEALTH, UP, every(50, 5_000, 1), context(sandbox), recorder);

        await().atMost(WAIT).until(() -> recorder.results.size() >= 3);
        check.close();
        int reported = recorder.results.size();
        Thread.sleep(200);
        assertThat(recorder.results).hasSize(reported).allMatch(result -> result.verdict() == PASSED);
    }

    @Test
    void readinessIsReportedOnceAtTheFirstPass() throws Exception {
        RunningCheck check = start(runner, CheckKind.READINESS, UP, every(50, 5_000, 1), context(sandbox), recorder);
        await().atMost(WAIT).until(() -> recorder.results.size() >= 2);

        Files.createFile(sandbox.resolve("up"));
        await().atMost(WAIT).until(check::isDone);
        Thread.sleep(200);
        assertThat(recorder.verdicts()).last().isEqualTo(READY);
        assertThat(recorder.verdicts()).filteredOn(verdict -> verdict != NOT_READY).containsExactly(READY);
    }

    @Test
    void aSpecIsRunInSecondsFromItsDelay() {
        CheckSpec spec = new CheckSpec(new CheckProbe.Command("true"), 1, 1, 1, 0, 1);
        long started = System.nanoTime();

        RunningCheck check = runner.start(CheckKind.READINESS, spec, context(sandbox), recorder);

        await().atMost(WAIT).until(check::isDone);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(recorder.verdicts()).containsExactly(READY);
    }

    @Test
    void closingTheRunnerStopsItsChecks() {
        RunningCheck check = start(runner, CheckKind.HEALTH, UP, every(50, 5_000, 100), context(sandbox), recorder);

        runner.close();

        assertThat(check.isDone()).isTrue();
    }
}
