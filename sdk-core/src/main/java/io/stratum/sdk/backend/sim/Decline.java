package io.stratum.sdk.backend.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An offer the scheduler declined, as {@link SimClusterView#declines()} lists it.
 *
 * @param offerId   the declined offer
 * @param agentId   its agent
 * @param refuseFor how long the scheduler asked not to see the agent's resources again
 * @param at        when it declined, by the cluster's clock
 */
public record Decline(String offerId, String agentId, Duration refuseFor, Instant at) {
    public Decline {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(refuseFor, "refuseFor");
        Objects.requireNonNull(at, "at");
    }
}
