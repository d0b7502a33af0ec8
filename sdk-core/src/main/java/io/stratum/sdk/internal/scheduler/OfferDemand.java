package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.internal.plan.Step;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the backend's offers in step with the scheduler's work: suppress when there is none,
 * revive (rate-limited) when there is. A revive is needed for every new candidate step even when
 * not suppressed, because declined offers stay away for the refuse time otherwise; and after a
 * task killed on purpose ends, its reservations should be offered again at once. Owned by the
 * scheduler loop.
 */
final class OfferDemand {
    private final ClusterBackend backend;
    private final ReviveThrottle throttle;
    private boolean suppressed;
    private Set<UUID> lastCandidates = Set.of();

    OfferDemand(ClusterBackend backend, InstantSource clock, Duration reviveInterval) {
        this.backend = backend;
        this.throttle = new ReviveThrottle(clock, reviveInterval);
    }

    /** The backend (re)registered: it offers everything again. */
    void registered() {
        suppressed = false;
        backend.revive();
    }

    /** Resources the scheduler waits for were freed: ask for offers even for known candidates. */
    void resourcesFreed() {
        lastCandidates = Set.of();
    }

    /**
     * @param candidates steps that may start now
     * @param waiting    whether other work waits for offers (delayed steps, garbage to collect)
     * @param quiet      whether suppressing is allowed now (not while reconciling)
     */
    void update(List<Step> candidates, boolean waiting, boolean quiet) {
        Set<UUID> ids = new HashSet<>();
        candidates.forEach(s -> ids.add(s.id()));
        boolean fresh = !lastCandidates.containsAll(ids);
        lastCandidates = ids;
        boolean work = !candidates.isEmpty() || waiting;
        if (work && (suppressed || fresh || throttle.isPending())) {
            if (throttle.tryRevive()) {
                backend.revive();
                suppressed = false;
            }
        } else if (!work && !suppressed && quiet) {
            backend.suppress();
            suppressed = true;
        }
    }
}
