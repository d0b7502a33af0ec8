package io.stratum.sdk.internal.check;

import io.stratum.sdk.spec.CheckSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * When a check runs, as durations (a spec counts whole seconds; tests use milliseconds).
 *
 * @param delay                  before the first probe
 * @param interval               between the end of a probe and the start of the next
 * @param timeout                the longest a probe may take
 * @param gracePeriod            after the task's start, in which health failures are not counted
 * @param maxConsecutiveFailures health failures in a row that make a task unhealthy, 1 or more
 */
record CheckTiming(Duration delay, Duration interval, Duration timeout, Duration gracePeriod,
        int maxConsecutiveFailures) {

    CheckTiming {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (delay.isNegative() || gracePeriod.isNegative() || interval.isNegative() || interval.isZero()
                || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("delay and grace period must be 0 or more, interval and timeout more than 0");
        }
        if (maxConsecutiveFailures < 1) {
            throw new IllegalArgumentException("maxConsecutiveFailures must be 1 or more: " + maxConsecutiveFailures);
        }
    }

    static CheckTiming of(CheckSpec spec) {
        return new CheckTiming(Duration.ofSeconds(spec.delay()), Duration.ofSeconds(spec.interval()),
                Duration.ofSeconds(spec.timeout()), Duration.ofSeconds(spec.gracePeriod()),
                spec.maxConsecutiveFailures());
    }
}
