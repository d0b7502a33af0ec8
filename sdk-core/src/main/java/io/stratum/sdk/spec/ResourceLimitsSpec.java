package io.stratum.sdk.spec;

/**
 * How far a task may burst above its reservation. Each limit is a number (CPU shares, MB) or
 * unlimited; null means "the reservation is the limit".
 *
 * @param cpus   the CPU limit, {@link Double#POSITIVE_INFINITY} for unlimited, or null
 * @param memory the memory limit in MB, {@link Double#POSITIVE_INFINITY} for unlimited, or null
 */
public record ResourceLimitsSpec(Double cpus, Double memory) {}
