package io.stratum.sdk.resource;

import java.util.Objects;

/**
 * A persistent volume created on reserved disk: it outlives the tasks that use it and is found
 * again by its persistence id when they are relaunched.
 *
 * @param persistenceId the volume's unique id; not blank
 * @param containerPath where tasks see it, relative to the sandbox; not blank
 */
public record PersistentVolume(String persistenceId, String containerPath) {

    /** @throws IllegalArgumentException if either field is blank */
    public PersistentVolume {
        if (Objects.requireNonNull(persistenceId, "persistenceId").isBlank()
                || Objects.requireNonNull(containerPath, "containerPath").isBlank()) {
            throw new IllegalArgumentException("persistence id and container path must not be blank");
        }
    }
}
