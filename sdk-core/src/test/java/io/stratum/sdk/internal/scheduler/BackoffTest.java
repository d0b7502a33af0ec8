package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void theFirstFailureRelaunchesAtOnceThenDelaysGrowUntilTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(10));

        assertThat(backoff.delayAfter(1)).isZero();
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(500)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, 2, Duration.ofSeconds(1))).hasMessageContaining("initial");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1))).hasMessageContaining("factor");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1))).hasMessageContaining("max");
    }

    @Test
    void revivesAreThrottledAndALateRequestIsRemembered() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        ReviveThrottle throttle = new ReviveThrottle(now::get,
                Duration.ofSeconds(5));

        assertThat(throttle.tryRevive()).isTrue();
        now.set(now.get().plusSeconds(1));
        assertThat(throttle.tryRevive()).isFalse();
        assertThat(throttle.isPending()).isTrue();
        now.set(now.get().plusSeconds(4));
        assertThat(throttle.tryRevive()).isTrue();
        assertThat(throttle.isPending()).isFalse();
    }
}
