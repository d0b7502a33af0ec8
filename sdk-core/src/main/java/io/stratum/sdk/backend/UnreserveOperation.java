package io.stratum.sdk.backend;

import io.stratum.sdk.resource.Resource;
import java.util.Objects;

/**
 * Unreserve {@code resource}: all of a reservation (garbage collection) or part of one (a resource
 * shrunk by a config update; the amount is the difference).
 *
 * @param offerId  the offer
 * @param resource the reserved resource, with its reservation, to give back
 */
public record UnreserveOperation(String offerId, Resource resource) implements Operation {
    /** @throws IllegalArgumentException if the resource has no reservation */
    public UnreserveOperation {
        Objects.requireNonNull(offerId, "offerId");
        if (resource.reservation().isEmpty()) {
            throw new IllegalArgumentException("nothing to unreserve: " + resource);
        }
    }
}
