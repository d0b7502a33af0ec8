package io.stratum.sdk.backend.local;

import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
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
 * @param amounts     cpus, memory and root disk, each more than 0, static reservations included
 * @param gpus        GPUs, 0 or more (accounted only: tasks are not isolated to devices)
 * @param ports       the ports it offers
 * @param mountDisks  its MOUNT disks
 * @param preReserved static reservations by role; together at most the agent's cpus, memory and disk
 */
record AgentResources(Amounts amounts, double gpus, Range ports, MountDisks mountDisks,
        Map<String, StaticReservation> preReserved) {
    private static final double MB = 1024 * 1024;
    private static final double EPSILON = ResourceValue.Scalar.EPSILON;

    /**
     * CPU shares, memory and root disk.
     *
     * @param cpus  CPU shares
     * @param memMb memory in MB
     * @param diskMb root disk in MB
     */
    record Amounts(double cpus, double memMb, double diskMb) {
        /** @return the amount of scalar {@code name} (cpus, mem, disk); 0 for any other */
        double of(String name) {
            return switch (name) {
                case Resource.CPUS -> cpus;
                case Resource.MEM -> memMb;
                case Resource.DISK -> diskMb;
                default -> 0;
            };
        }
    }

    /**
     * An agent's MOUNT disks, all of one size; their ids are {@code mount-1}, {@code mount-2}, ...
     *
     * @param count  how many, 0 or more
     * @param sizeMb each one's size in MB, more than 0
     */
    record MountDisks(int count, double sizeMb) {
        /** @return the disks' ids, {@code mount-1} first */
        List<String> ids() {
            List<String> ids = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                ids.add("mount-" + i);
            }
            return ids;
        }
    }

    /** @throws IllegalArgumentException if an amount is out of range or the static reservations exceed the agent */
    AgentResources {
        Objects.requireNonNull(ports, "ports");
        if (!(amounts.cpus() > 0) || !(amounts.memMb() > 0) || !(amounts.diskMb() > 0)) {
            throw new IllegalArgumentException("an agent needs cpus, memory and disk: " + amounts.cpus() + ", "
                    + amounts.memMb() + ", " + amounts.diskMb());
        }
        if (!(gpus >= 0) || mountDisks.count() < 0 || !(mountDisks.sizeMb() > 0)) {
            throw new IllegalArgumentException("gpus, MOUNT disks and their size must be 0 or more: " + gpus + ", "
                    + mountDisks.count() + ", " + mountDisks.sizeMb());
        }
        preReserved = Map.copyOf(preReserved);
        for (String name : List.of(Resource.CPUS, Resource.MEM, Resource.DISK)) {
            double total = amounts.of(name);
            double reserved = preReserved.values().stream().mapToDouble(r -> r.amount(name)).sum();
            if (reserved > total + EPSILON) {
                throw new IllegalArgumentException("pre-reserved roles " + String.join(", ", preReserved.keySet().stream()
                        .sorted().toList()) + " take " + ResourceValue.Scalar.format(reserved) + " " + name
                        + " but each agent has only " + ResourceValue.Scalar.format(total));
            }
        }
    }

    /** An agent of unreserved cpus, memory, disk and ports only. */
    static AgentResources of(Amounts amounts, Range ports) {
        return new AgentResources(amounts, 0, ports, new MountDisks(0, 1), Map.of());
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
        double all = name.equals(Resource.GPUS) ? gpus : amounts.of(name);
        return Math.max(0, all - preReserved.values().stream().mapToDouble(r -> r.amount(name)).sum());
    }

    /** @return these resources with {@code gpus} GPUs */
    AgentResources withGpus(double gpus) {
        return new AgentResources(amounts, gpus, ports, mountDisks, preReserved);
    }

    /**
     * @return everything the agent with directories {@code dirs} has, as offers list it while it is
     *     free: unreserved cpus, memory, root disk, GPUs, ports, the whole MOUNT disks, then each
     *     pre-reserved role's cpus, memory and disk, roles in name order
     */
    List<Resource> offered(AgentDirs dirs) {
        List<Resource> all = new ArrayList<>();
        scalars(all, null, List.of(Resource.CPUS, Resource.MEM, Resource.DISK, Resource.GPUS));
        all.add(Resource.ports(ports));
        mountDisks.ids().forEach(id -> all.add(Resource.mountDisk(mountDisks.sizeMb(), LedgerRecords.mountSource(dirs, id))));
        preReserved.keySet().stream().sorted()
                .forEach(role -> scalars(all, role, List.of(Resource.CPUS, Resource.MEM, Resource.DISK)));
        return all;
    }

    private void scalars(List<Resource> into, String role, List<String> names) {
        for (String name : names) {
            double amount = total(role, name);
            if (amount > 0) {
                Resource resource = Resource.scalar(name, amount);
                into.add(role == null ? resource : resource.withPreReservedRole(role));
            }
        }
    }

    /** @return the builder's amounts, each missing one a share of this machine among the agents */
    static AgentResources of(LocalBackend.Builder options) {
        double cpus = options.cpus != null ? options.cpus : Runtime.getRuntime().availableProcessors();
        double mem = options.memMb != null ? options.memMb : Math.max(1, Math.floor(physicalMemory() / MB / options.agents));
        double disk = options.diskMb != null ? options.diskMb
                : Math.max(1, Math.floor(usableSpace(options.workDir) / MB / options.agents));
        return new AgentResources(new Amounts(cpus, mem, disk), options.gpus, options.ports,
                new MountDisks(options.mountDisks, options.mountDiskMb), options.preReserved);
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
