package io.stratum.sdk.internal.scheduler;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the scheduler loop.
 *
 * @param declineRefuse            how long declined offers stay away (long: work triggers a revive)
 * @param reviveInterval           the least time between two revives
 * @param backoff                  relaunch delays for a repeatedly failing task
 * @param permanentFailureTimeout  a pod whose tasks stay failed or lost this long is replaced
 *                                 elsewhere; null disables automatic replacement
 * @param killGracePeriodDefault   the kill grace period for tasks that set none
 */
public record SchedulerSettings(Duration declineRefuse, Duration reviveInterval, Backoff backoff,
        Duration permanentFailureTimeout, Duration killGracePeriodDefault) {

    /** Decline for 5 min, revive at most every second, default backoff, no automatic replace, 5 s kill grace. */
    public static final SchedulerSettings DEFAULT = new SchedulerSettings(Duration.ofMinutes(5), Duration.ofSeconds(1),
            Backoff.DEFAULT, null, Duration.ofSeconds(5));

    public SchedulerSettings {
        Objects.requireNonNull(declineRefuse, "declineRefuse");
        Objects.requireNonNull(reviveInterval, "reviveInterval");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(killGracePeriodDefault, "killGracePeriodDefault");
    }

    public SchedulerSettings withPermanentFailureTimeout(Duration timeout) {
        return new SchedulerSettings(declineRefuse, reviveInterval, backoff, timeout, killGracePeriodDefault);
    }

    public SchedulerSettings withBackoff(Backoff newBackoff) {
        return new SchedulerSettings(declineRefuse, reviveInterval, newBackoff, permanentFailureTimeout,
                killGracePeriodDefault);
    }
}
