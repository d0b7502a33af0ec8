package io.stratum.sdk.offer;

import io.stratum.sdk.resource.Resource;
import java.util.Objects;

/**
 * Unreserve {@code resource}: all of a reservation (garbage collection) or part of one (a resource
 * shrunk by a config update; the amount is the difference).
 *
 * @param offerId  the offer
 * @param resource the reserved resource, with its reservation, to give back
 */
public record UnreserveRecommendation(String offerId, Resource resource) implements Recommendation {
    /** @throws IllegalArgumentException if the resource has no reservation */
    public UnreserveRecommendation {
        Objects.requireNonNull(offerId, "offerId");
        if (resource.reservation().isEmpty()) {
            throw new IllegalArgumentException("nothing to unreserve: " + resource);
        }
    }
}
