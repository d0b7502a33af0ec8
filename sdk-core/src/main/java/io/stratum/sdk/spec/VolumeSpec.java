package io.stratum.sdk.spec;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Objects;

/**
 * A persistent volume: disk reserved for the pod instance that outlives its tasks and is reused
 * when they are relaunched in place. It is destroyed only on replace or decommission.
 *
 * @param name     the volume's name ({@code volume} fields are named after their path)
 * @param path     where it appears, relative to the sandbox (no {@code ..})
 * @param type     ROOT or MOUNT
 * @param size     size in MB, greater than 0
 * @param profiles for MOUNT volumes, disk profiles it may use (empty: any)
 */
public record VolumeSpec(String name, @NotBlank(message = "must not be empty") String path, VolumeType type,
        @Positive double size, List<String> profiles) {
    public VolumeSpec {
        Objects.requireNonNull(name, "name");
        type = type == null ? VolumeType.ROOT : type;
        profiles = Copies.list(profiles);
    }
}
