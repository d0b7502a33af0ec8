package io.stratum.sdk.service;

import java.util.List;
import java.util.Objects;

/**
 * What each local agent offers besides its share of the machine: MOUNT disks, GPUs, and
 * resources statically reserved for roles. Ignored on Mesos. Immutable. A bad value is a
 * {@link RunOptions.InvalidOptionException} naming {@code mountDisks}, {@code gpus} or
 * {@code preReserved}.
 *
 * @param mountDisks  MOUNT disks per agent, 0 to 64 (default 2)
 * @param mountDiskMb each MOUNT disk's size in MB, more than 0 (default 2048)
 * @param gpus        GPUs per agent, a whole number from 0 to 1000 (default 0); accounted only
 * @param preReserved static reservations on each agent, at most one per role
 */
public record LocalResources(int mountDisks, double mountDiskMb, double gpus, List<PreReserved> preReserved) {

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

    /** @throws RunOptions.InvalidOptionException if a value is out of range or a role is given twice */
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
    }

    /** @return the defaults: 2 MOUNT disks of 2048 MB per agent, no GPUs, no static reservations */
    public static LocalResources defaults() {
        return new LocalResources(2, 2048, 0, List.of());
    }
}
