package io.stratum.sdk.backend;

import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Resource;
import java.util.Objects;

/**
 * Create a persistent volume on reserved disk.
 *
 * @param offerId the offer
 * @param volume  the reserved disk with the {@link PersistentVolume} to create
 */
public record CreateVolumeOperation(String offerId, Resource volume) implements Operation {
    /** @throws IllegalArgumentException if the resource carries no volume */
    public CreateVolumeOperation {
        Objects.requireNonNull(offerId, "offerId");
        if (volume.volume().isEmpty()) {
            throw new IllegalArgumentException("no volume to create: " + volume);
        }
    }
}
