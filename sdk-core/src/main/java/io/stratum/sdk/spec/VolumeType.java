package io.stratum.sdk.spec;

/**
 * Where a persistent volume's disk comes from: {@link #ROOT} carves it from the agent's root disk
 * (any size); {@link #MOUNT} takes a whole dedicated disk (at least {@code size}).
 */
public enum VolumeType {
    ROOT, MOUNT
}
