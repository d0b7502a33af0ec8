package io.stratum.sdk.service;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each local agent offers besides its share of the machine: MOUNT disks, GPUs, and
 * resources statically reserved for roles; and the fault domain zones the agents are spread over.
 * The resources are ignored on Mesos; zones are refused there ({@link RunOptions}), as the master
 * tells each agent's. Immutable. A bad value is a {@link RunOptions.InvalidOptionException} naming
 * {@code mountDisks}, {@code gpus}, {@code preReserved}, {@code region} or {@code zones}.
 *
 * @param mountDisks  MOUNT disks per agent, 0 to 64 (default 2)
 * @param mountDiskMb each MOUNT disk's size in MB, more than 0 (default 2048)
 * @param gpus        GPUs per agent, a whole number from 0 to 1000 (default 0); accounted only
 * @param preReserved static reservations on each agent, at most one per role
 * @param region      the region of the zones (default {@value #DEFAULT_REGION}); a name as zones have
 * @param zones       the zones the agents are spread over, round-robin (the first agent in the first
 *                    zone, ...), each agent's fault domain: what {@code @zone} placement rules read,
 *                    and a task's {@code ZONE} (and {@code REGION}). Names of letters, digits,
 *                    {@code . _ -}, each once; empty (the default) for agents without a fault domain.
 *                    Keep them the same across runs over one work dir, as placed tasks stay where
 *                    they were placed
 */
public record LocalResources(int mountDisks, double mountDiskMb, double gpus, List<PreReserved> preReserved,
        String region, List<String> zones) {
    /** The region of the local agents' zones unless told otherwise. */
    public static final String DEFAULT_REGION = "local";

    /** What a zone or region name may hold: letters, digits, {@code . _ -}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,63}");

    /**
     * Part of each agent statically reserved for a role, for pods with that {@code pre-reserved-role}.
     *
     * @param role   the role, not blank
     * @param cpus   CPU shares, 0 or more
     * @param memMb  memory in MB, 0 or more
     * @param diskMb root disk in MB, 0 or more
     */
    public record PreReserved(String role, double cpus, double memMb, double diskMb) {
        /** @throws RunOptions.InvalidOptionException if the role is blank or an amount negative */
        public PreReserved {
            if (Objects.requireNonNull(role, "role").isBlank()) {
                throw new RunOptions.InvalidOptionException("preReserved", "the role must not be blank");
            }
            if (!(cpus >= 0) || !(memMb >= 0) || !(diskMb >= 0)) {
                throw new RunOptions.InvalidOptionException("preReserved", "amounts must be 0 or more, got " + cpus + ", "
                        + memMb + ", " + diskMb);
            }
        }
    }

    /**
     * Resources without zones: agents without a fault domain.
     *
     * @throws RunOptions.InvalidOptionException as the canonical constructor
     */
    public LocalResources(int mountDisks, double mountDiskMb, double gpus, List<PreReserved> preReserved) {
        this(mountDisks, mountDiskMb, gpus, preReserved, DEFAULT_REGION, List.of());
    }

    /**
     * @throws RunOptions.InvalidOptionException if a value is out of range, a role or a zone is given
     *                                           twice, or a zone or the region is not a valid name
     */
    public LocalResources {
        if (mountDisks < 0 || mountDisks > 64 || !(mountDiskMb > 0) || Double.isInfinite(mountDiskMb)) {
            throw new RunOptions.InvalidOptionException("mountDisks", "expected 0-64 disks of more than 0 MB, got "
                    + mountDisks + ":" + mountDiskMb);
        }
        if (!(gpus >= 0) || gpus > 1_000 || gpus != Math.rint(gpus)) {
            throw new RunOptions.InvalidOptionException("gpus", "expected a whole number from 0 to 1000, got " + gpus);
        }
        preReserved = List.copyOf(preReserved);
        if (preReserved.stream().map(PreReserved::role).distinct().count() < preReserved.size()) {
            throw new RunOptions.InvalidOptionException("preReserved", "a role is given twice");
        }
        if (!NAME.matcher(Objects.requireNonNull(region, "region")).matches()) {
            throw new RunOptions.InvalidOptionException("region", "expected a name of letters, digits, '.', '_' and '-'"
                    + " (at most 63), got '" + region + "'");
        }
        zones = List.copyOf(zones);
        Set<String> seen = new HashSet<>();
        for (String zone : zones) {
            if (!NAME.matcher(zone).matches()) {
                throw new RunOptions.InvalidOptionException("zones", "expected names of letters, digits, '.', '_' and '-'"
                        + " (at most 63), got '" + zone + "'");
            }
            if (!seen.add(zone)) {
                throw new RunOptions.InvalidOptionException("zones", "zone " + zone + " is given twice");
            }
        }
    }

    /**
     * @param region the zones' region
     * @param zones  the zones to spread the agents over, round-robin; none for no fault domain
     * @return these resources with the agents in {@code zones} of {@code region}
     * @throws RunOptions.InvalidOptionException naming {@code region} or {@code zones} if a name is
     *                                           not valid or a zone is given twice
     */
    public LocalResources withZones(String region, List<String> zones) {
        return new LocalResources(mountDisks, mountDiskMb, gpus, preReserved, region, zones);
    }

    /** @return the defaults: 2 MOUNT disks of 2048 MB per agent, no GPUs, no static reservations */
    public static LocalResources defaults() {
        return new LocalResources(2, 2048, 0, List.of());
    }
}
