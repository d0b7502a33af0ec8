package io.stratum.sdk.internal.offer;

import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.util.ArrayList;
import java.util.List;

/**
 * What one offer still has for one role: unreserved resources ({@code *}) or those the operator
 * pre-reserved for a role. Scalars are plain fields so fit checks are a few comparisons; the
 * capacity (what was offered when the round began) is kept for ranking. Mutable and copied per
 * attempt, so a failed attempt leaves nothing behind.
 */
final class Pool {
    static final String UNRESERVED = "*";
    static final double EPSILON = ResourceValue.Scalar.EPSILON;

    final String role;
    double cpus;
    double mem;
    double gpus;
    double disk;
    double cpusCapacity;
    double memCapacity;
    double diskCapacity;
    final PortSet ports;
    final List<Resource> mounts;

    Pool(String role) {
        this(role, new PortSet(), new ArrayList<>());
    }

    private Pool(String role, PortSet ports, List<Resource> mounts) {
        this.role = role;
        this.ports = ports;
        this.mounts = mounts;
    }

    Pool copy() {
        Pool copy = new Pool(role, ports.copy(), new ArrayList<>(mounts));
        copy.cpus = cpus;
        copy.mem = mem;
        copy.gpus = gpus;
        copy.disk = disk;
        copy.cpusCapacity = cpusCapacity;
        copy.memCapacity = memCapacity;
        copy.diskCapacity = diskCapacity;
        return copy;
    }

    /** Adds an offered (not dynamically reserved) resource to the pool. */
    void add(Resource resource) {
        if (resource.isMountDisk()) {
            mounts.add(resource);
            return;
        }
        if (resource.value() instanceof ResourceValue.Ranges ranges) {
            if (resource.name().equals(Resource.PORTS)) {
                ports.addAll(ranges.ranges());
            }
            return;
        }
        adjust(resource.name(), resource.amount());
    }

    /** Adds {@code delta} (negative to take) of scalar {@code name}; names other than cpus, mem, gpus and disk are ignored. */
    void adjust(String name, double delta) {
        switch (name) {
            case Resource.CPUS -> cpus += delta;
            case Resource.MEM -> mem += delta;
            case Resource.GPUS -> gpus += delta;
            case Resource.DISK -> disk += delta;
            default -> { }
        }
    }

    double free(String name) {
        return switch (name) {
            case Resource.CPUS -> cpus;
            case Resource.MEM -> mem;
            case Resource.GPUS -> gpus;
            case Resource.DISK -> disk;
            default -> 0;
        };
    }

    /** Records the current amounts as the capacity ranking measures fullness against. */
    void markCapacity() {
        cpusCapacity = cpus;
        memCapacity = mem;
        diskCapacity = disk;
    }

    /** @return the fraction of {@code capacity} used once {@code free - need} is left; 1 when nothing was offered */
    static double fill(double capacity, double free, double need) {
        return capacity <= EPSILON ? 1 : Math.min(1, Math.max(0, (capacity - free + need) / capacity));
    }
}
