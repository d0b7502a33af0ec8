package io.stratum.sdk.backend.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A kill the scheduler asked for, as {@link SimClusterView#kills()} lists it.
 *
 * @param taskId      the task to kill (known to the cluster or not)
 * @param gracePeriod the grace period asked for
 * @param at          when, by the cluster's clock
 */
public record KillRequest(String taskId, Duration gracePeriod, Instant at) {
    public KillRequest {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        Objects.requireNonNull(at, "at");
    }
}
