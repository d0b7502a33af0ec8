package io.stratum.sdk.internal.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Rate-limits revives. Reviving tells the cluster manager to clear its offer filters and send
 * offers again; doing it on every new piece of work floods the master and, worse, can race a
 * suppress: a revive that arrives just before the suppress it should have cancelled leaves the
 * framework with no offers. So the scheduler asks {@link #tryRevive()} whenever it has new work;
 * at most one revive goes out per interval, and a request inside the interval is remembered
 * ({@link #isPending()}) so the scheduler's timer sends it when the interval ends. Not
 * thread-safe: the scheduler loop owns it.
 */
public final class ReviveThrottle {
    private final InstantSource clock;
    private final Duration interval;
    private Instant last = Instant.MIN;
    private boolean pending;

    public ReviveThrottle(InstantSource clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /** @return true if a revive may be sent now (and records it); otherwise remembers the request */
    public boolean tryRevive() {
        Instant now = clock.instant();
        if (last.equals(Instant.MIN) || !now.isBefore(last.plus(interval))) {
            last = now;
            pending = false;
            return true;
        }
        pending = true;
        return false;
    }

    /** @return whether a revive was asked for inside the interval and not yet sent */
    public boolean isPending() {
        return pending;
    }
}
