package io.stratum.sdk.backend;

import io.stratum.sdk.resource.Resource;
import java.util.Objects;

/**
 * Reserve {@code resource} (which carries the new reservation and its labels) from the offer.
 *
 * @param offerId  the offer
 * @param resource the resource as it will be once reserved
 */
public record ReserveOperation(String offerId, Resource resource) implements Operation {
    /** @throws IllegalArgumentException if the resource has no reservation */
    public ReserveOperation {
        Objects.requireNonNull(offerId, "offerId");
        if (resource.reservation().isEmpty()) {
            throw new IllegalArgumentException("nothing to reserve: " + resource);
        }
    }
}
