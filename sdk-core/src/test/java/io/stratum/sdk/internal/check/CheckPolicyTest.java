package io.stratum.sdk.internal.check;

import static io.stratum.sdk.internal.check.CheckResult.Verdict.FAILED;
import static io.stratum.sdk.internal.check.CheckResult.Verdict.IGNORED;
import static io.stratum.sdk.internal.check.CheckResult.Verdict.NOT_READY;
import static io.stratum.sdk.internal.check.CheckResult.Verdict.PASSED;
import static io.stratum.sdk.internal.check.CheckResult.Verdict.READY;
import static io.stratum.sdk.internal.check.CheckResult.Verdict.UNHEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckPolicyTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static CheckPolicy health(int graceSeconds, int maxFailures) {
        CheckTiming timing = new CheckTiming(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(graceSeconds), maxFailures);
        return CheckPolicy.of(CheckKind.HEALTH, timing, START);
    }

    private static Instant at(int seconds) {
        return START.plusSeconds(seconds);
    }

    @Test
    void failuresInTheGracePeriodAreNotCounted() {
        CheckPolicy policy = health(10, 2);

        assertThat(policy.judge(false, at(1))).isEqualTo(IGNORED);
        assertThat(policy.judge(false, at(9))).isEqualTo(IGNORED);
        assertThat(policy.consecutiveFailures()).isZero();
        assertThat(policy.judge(false, at(10))).isEqualTo(FAILED);
        assertThat(policy.judge(false, at(11))).isEqualTo(UNHEALTHY);
    }

    @Test
    void aPassEndsTheGracePeriod() {
        CheckPolicy policy = health(60, 2);

        assertThat(policy.judge(true, at(1))).isEqualTo(PASSED);
        assertThat(policy.judge(false, at(2))).isEqualTo(FAILED);
        assertThat(policy.judge(false, at(3))).isEqualTo(UNHEALTHY);
        assertThat(policy.consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void aPassResetsTheConsecutiveFailures() {
        CheckPolicy policy = health(0, 3);

        assertThat(policy.judge(false, at(1))).isEqualTo(FAILED);
        assertThat(policy.judge(false, at(2))).isEqualTo(FAILED);
        assertThat(policy.judge(true, at(3))).isEqualTo(PASSED);
        assertThat(policy.consecutiveFailures()).isZero();
        assertThat(policy.judge(false, at(4))).isEqualTo(FAILED);
        assertThat(policy.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void oneFailureIsEnoughWhenTheMaximumIsOne() {
        assertThat(health(0, 1).judge(false, at(0))).isEqualTo(UNHEALTHY);
    }

    @Test
    void readinessIsReadyAtTheFirstPassAndNeverUnhealthy() {
        CheckTiming timing = new CheckTiming(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, 1);
        CheckPolicy policy = CheckPolicy.of(CheckKind.READINESS, timing, START);

        assertThat(policy.judge(false, at(1))).isEqualTo(NOT_READY);
        assertThat(policy.judge(false, at(2))).isEqualTo(NOT_READY);
        assertThat(policy.consecutiveFailures()).isEqualTo(2);
        assertThat(policy.judge(true, at(3))).isEqualTo(READY);
        assertThat(policy.consecutiveFailures()).isZero();
    }
}
