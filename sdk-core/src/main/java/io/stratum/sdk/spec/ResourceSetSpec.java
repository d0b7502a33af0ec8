package io.stratum.sdk.spec;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;
import java.util.Objects;

/**
 * Resources reserved together and shared by the tasks of a pod instance that name this set.
 *
 * @param name           the set's name
 * @param cpus           CPU shares, greater than 0
 * @param gpus           GPUs, 0 or more
 * @param memory         memory in MB, greater than 0
 * @param ports          ports by name
 * @param volumes        persistent volumes by name
 * @param resourceLimits how far each task using the set may burst above the set's reservation, or
 *                       null for none; a task's own {@code resource-limits} take precedence
 *                       ({@link PodSpec#resourceLimitsOf})
 */
public record ResourceSetSpec(
        String name,
        @Positive double cpus,
        @PositiveOrZero double gpus,
        @Positive double memory,
        Map<String, @Valid PortSpec> ports,
        Map<String, @Valid VolumeSpec> volumes,
        ResourceLimitsSpec resourceLimits) {

    public ResourceSetSpec {
        Objects.requireNonNull(name, "name");
        ports = Copies.map(ports);
        volumes = Copies.map(volumes);
    }

    /** A set without resource limits. */
    public ResourceSetSpec(String name, double cpus, double gpus, double memory, Map<String, PortSpec> ports,
            Map<String, VolumeSpec> volumes) {
        this(name, cpus, gpus, memory, ports, volumes, null);
    }
}
