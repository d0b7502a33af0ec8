package io.stratum.sdk.backend;

import io.stratum.sdk.resource.Resource;
import java.util.Objects;

/**
 * Destroy a persistent volume no pod instance owns; its disk is unreserved by the recommendation
 * that follows.
 *
 * @param offerId the offer
 * @param volume  the reserved disk carrying the volume
 */
public record DestroyVolumeOperation(String offerId, Resource volume) implements Operation {
    /** @throws IllegalArgumentException if the resource carries no volume */
    public DestroyVolumeOperation {
        Objects.requireNonNull(offerId, "offerId");
        if (volume.volume().isEmpty()) {
            throw new IllegalArgumentException("no volume to destroy: " + volume);
        }
    }
}
