package io.stratum.sdk.backend.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The simulated cluster's own time ({@link SimCluster#advance}): an {@link InstantSource} that
 * stands still until a test moves it. Give the cluster's clock to the scheduler under test, and
 * decline filters, scripted delays and backoffs all expire exactly when the test says.
 *
 * <p>Thread-safe. Time never goes backwards: {@link #advance} takes only non-negative durations.
 */
final class SimClock implements InstantSource {
    /** Where a clock made with {@link #create()} starts: 2024-01-01T00:00:00Z. */
    static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");

    private volatile Instant now;

    private SimClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** @return a clock standing at {@link #DEFAULT_START} */
    static SimClock create() {
        return new SimClock(DEFAULT_START);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far, zero or more
     * @return the new time
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    synchronized Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time never goes backwards: " + duration);
        }
        now = now.plus(duration);
        return now;
    }
}
