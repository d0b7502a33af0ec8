package io.stratum.sdk.backend.local;

import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one agent has, reserved or not: the unreserved resources, the MOUNT disks, and the
 * parts of cpus, memory and root disk statically reserved for roles (taken out of the unreserved
 * amounts).
 *
 * @param cpus        CPU shares, more than 0
 * @param memMb       memory in MB, more than 0
 * @param diskMb      root disk in MB, more than 0
 * @param ports       the ports it offers
 * @param gpus        GPUs, 0 or more (accounted only: tasks are not isolated to devices)
 * @param mountDisks  how many MOUNT disks, 0 or more; their ids are {@code mount-1}, {@code mount-2}, ...
 * @param mountDiskMb each MOUNT disk's size in MB, more than 0
 * @param preReserved static reservations by role; together at most the agent's cpus, memory and disk
 */
record AgentResources(double cpus, double memMb, double diskMb, Range ports, double gpus, int mountDisks,
        double mountDiskMb, Map<String, StaticReservation> preReserved) {
    private static final double MB = 1024 * 1024;
    private static final double EPSILON = io.stratum.sdk.resource.ResourceValue.Scalar.EPSILON;

    /** @throws IllegalArgumentException if an amount is out of range or the static reservations exceed the agent */
    AgentResources {
        Objects.requireNonNull(ports, "ports");
        if (!(cpus > 0) || !(memMb > 0) || !(diskMb > 0)) {
            throw new IllegalArgumentException("an agent needs cpus, memory and disk: " + cpus + ", " + memMb + ", " + diskMb);
        }
        if (!(gpus >= 0) || mountDisks < 0 || !(mountDiskMb > 0)) {
            throw new IllegalArgumentException("gpus, MOUNT disks and their size must be 0 or more: " + gpus + ", "
                    + mountDisks + ", " + mountDiskMb);
        }
        preReserved = Map.copyOf(preReserved);
        for (String name : List.of(Resource.CPUS, Resource.MEM, Resource.DISK)) {
            double total = name.equals(Resource.CPUS) ? cpus : name.equals(Resource.MEM) ? memMb : diskMb;
            double reserved = preReserved.values().stream().mapToDouble(r -> r.amount(name)).sum();
            if (reserved > total + EPSILON) {
                throw new IllegalArgumentException("pre-reserved roles " + String.join(", ", preReserved.keySet().stream()
                        .sorted().toList()) + " take " + io.stratum.sdk.resource.ResourceValue.Scalar.format(reserved)
                        + " " + name + " but each agent has only " + io.stratum.sdk.resource.ResourceValue.Scalar.format(total));
            }
        }
    }

    /** An agent of unreserved cpus, memory, disk and ports only. */
    AgentResources(double cpus, double memMb, double diskMb, Range ports) {
        this(cpus, memMb, diskMb, ports, 0, 0, 1, Map.of());
    }

    /**
     * @param role the pre-reserved role, or null for unreserved resources
     * @return how much of scalar {@code name} the agent has for {@code role}, reserved dynamically or not
     */
    double total(String role, String name) {
        if (role != null) {
            StaticReservation reservation = preReserved.get(role);
            return reservation == null ? 0 : reservation.amount(name);
        }
        double all = switch (name) {
            case Resource.CPUS -> cpus;
            case Resource.MEM -> memMb;
            case Resource.DISK -> diskMb;
            case Resource.GPUS -> gpus;
            default -> 0;
        };
        return Math.max(0, all - preReserved.values().stream().mapToDouble(r -> r.amount(name)).sum());
    }

    /** @return these resources with {@code gpus} GPUs */
    AgentResources withGpus(double gpus) {
        return new AgentResources(cpus, memMb, diskMb, ports, gpus, mountDisks, mountDiskMb, preReserved);
    }

    /** @return the MOUNT disks' ids, {@code mount-1} first */
    List<String> mountIds() {
        List<String> ids = new ArrayList<>(mountDisks);
        for (int i = 1; i <= mountDisks; i++) {
            ids.add("mount-" + i);
        }
        return ids;
    }

    /** @return the builder's amounts, each missing one a share of this machine among the agents */
    static AgentResources of(LocalBackendBuilder options) {
        double cpus = options.cpus != null ? options.cpus : Runtime.getRuntime().availableProcessors();
        double mem = options.memMb != null ? options.memMb : Math.max(1, Math.floor(physicalMemory() / MB / options.agents));
        double disk = options.diskMb != null ? options.diskMb
                : Math.max(1, Math.floor(usableSpace(options.workDir) / MB / options.agents));
        return new AgentResources(cpus, mem, disk, options.ports, options.gpus, options.mountDisks, options.mountDiskMb,
                options.preReserved);
    }

    private static double physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** @return the free space where the work dir is (or will be) */
    private static double usableSpace(Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }
}
