package io.stratum.sdk.spec;

import jakarta.validation.constraints.NotBlank;
import java.util.Objects;

/**
 * A directory of the agent made visible in the sandbox.
 *
 * @param name          the volume's name
 * @param hostPath      the absolute path on the agent
 * @param containerPath where it appears, relative to the sandbox
 * @param mode          RW (default) or RO
 */
public record HostVolumeSpec(String name, @NotBlank(message = "must not be empty") String hostPath,
        @NotBlank(message = "must not be empty") String containerPath, String mode) {
    public HostVolumeSpec {
        Objects.requireNonNull(name, "name");
        mode = mode == null ? "RW" : mode;
    }
}
