package io.stratum.sdk.internal.scheduler;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff for relaunching a failing task: no delay for the first failure (a transient
 * crash is relaunched at once), then {@code initial × factor^(n-2)} for the n-th consecutive
 * failure, capped at {@code max}. Immutable.
 *
 * @param initial the delay after the second failure, greater than 0
 * @param factor  growth per further failure, at least 1
 * @param max     the largest delay, at least {@code initial}
 */
public record Backoff(Duration initial, double factor, Duration max) {
    /** 1 s, doubling, capped at 5 min. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5));

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial must be > 0, got " + initial);
        }
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("factor must be >= 1, got " + factor);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max " + max + " is below initial " + initial);
        }
    }

    /** @return the delay before relaunching after {@code failures} consecutive failures */
    public Duration delayAfter(int failures) {
        if (failures <= 1) {
            return Duration.ZERO;
        }
        double millis = initial.toMillis() * Math.pow(factor, failures - 2);
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
