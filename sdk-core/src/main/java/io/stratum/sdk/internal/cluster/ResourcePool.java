package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.DoubleStream;

/**
 * The resources of one agent (or one offer) that are not dynamically reserved, for one role:
 * unreserved ({@code *}) or pre-reserved by the operator. Scalars by name, ranges by name, and
 * whole MOUNT disks, which are taken and given back only whole. Mutable; not thread-safe.
 */
final class ResourcePool {
    static final String UNRESERVED = "*";
    static final double EPSILON = ResourceValue.Scalar.EPSILON;

    private final String role;
    private final Map<String, Double> scalars = new LinkedHashMap<>();
    private final Map<String, RangeSet> ranges = new LinkedHashMap<>();
    private final List<Resource> mounts = new ArrayList<>();

    ResourcePool(String role) {
        this.role = role;
    }

    ResourcePool copy() {
        ResourcePool copy = new ResourcePool(role);
        copy.scalars.putAll(scalars);
        ranges.forEach((name, set) -> copy.ranges.put(name, set.copy()));
        copy.mounts.addAll(mounts);
        return copy;
    }

    /** @return the pool's role for {@code resource}: its pre-reserved role, or {@code *} */
    static String roleOf(Resource resource) {
        return resource.preReservedRole().orElse(UNRESERVED);
    }

    /** Adds a resource without dynamic reservation (as an agent has it, or as UNRESERVE gives it back). */
    void give(Resource shape) {
        if (shape.isMountDisk()) {
            mounts.add(shape.withoutReservation());
        } else if (shape.value() instanceof ResourceValue.Ranges r) {
            ranges.computeIfAbsent(shape.name(), n -> new RangeSet(List.of())).add(r.ranges());
        } else if (shape.value() instanceof ResourceValue.Scalar s) {
            scalars.merge(shape.name(), s.value(), Double::sum);
        } else {
            throw new IllegalArgumentException("agents have no set-valued resources: " + shape);
        }
    }

    /** Takes {@code shape} away if the pool holds it; @return null when taken, otherwise why not */
    String take(Resource shape) {
        if (shape.isMountDisk()) {
            for (int i = 0; i < mounts.size(); i++) {
                Resource disk = mounts.get(i);
                if (disk.disk().equals(shape.disk())) {
                    if (Math.abs(disk.amount() - shape.amount()) > EPSILON) {
                        return "MOUNT disk " + root(shape) + " has " + disk.value() + " MB and is taken whole, not "
                                + shape.value();
                    }
                    mounts.remove(i);
                    return null;
                }
            }
            return "no unreserved MOUNT disk " + root(shape) + " for role " + role;
        }
        if (shape.value() instanceof ResourceValue.Ranges wanted) {
            RangeSet have = ranges.get(shape.name());
            if (have == null || !have.containsAll(wanted.ranges())) {
                return shape.name() + " " + wanted + " not among " + (have == null ? "[]" : have.ranges())
                        + " for role " + role;
            }
            have.remove(wanted.ranges());
            return null;
        }
        if (shape.value() instanceof ResourceValue.Scalar wanted) {
            double have = scalars.getOrDefault(shape.name(), 0.0);
            if (wanted.value() > have + EPSILON) {
                return shape.name() + " " + ResourceValue.Scalar.format(have) + " < " + wanted + " for role " + role;
            }
            scalars.put(shape.name(), Math.max(0, have - wanted.value()));
            return null;
        }
        return "agents have no set-valued resources: " + shape;
    }

    /**
     * Takes away what is held of the pool, without asking whether it is there: each scalar by the
     * sum of what is held of it, subtracted at once (so the amount left does not depend on the
     * order things were reserved in), never below 0.
     */
    void withdraw(Collection<Resource> held) {
        Map<String, DoubleStream.Builder> sums = new LinkedHashMap<>();
        for (Resource shape : held) {
            if (shape.isMountDisk()) {
                mounts.stream().filter(disk -> disk.disk().equals(shape.disk())).findFirst().ifPresent(mounts::remove);
            } else if (shape.value() instanceof ResourceValue.Ranges r) {
                RangeSet have = ranges.get(shape.name());
                if (have != null) {
                    have.remove(r.ranges());
                }
            } else if (shape.value() instanceof ResourceValue.Scalar s) {
                sums.computeIfAbsent(shape.name(), n -> DoubleStream.builder()).add(s.value());
            }
        }
        sums.forEach((name, amounts) -> scalars.computeIfPresent(name,
                (n, have) -> Math.max(0, have - amounts.build().sum())));
    }

    /** @return the pool's resources as an offer shows them; empty amounts left out */
    List<Resource> resources() {
        List<Resource> out = new ArrayList<>(scalars.size() + ranges.size() + mounts.size());
        scalars.forEach((name, amount) -> {
            if (amount > EPSILON) {
                out.add(ofRole(Resource.scalar(name, amount)));
            }
        });
        ranges.forEach((name, set) -> {
            if (!set.isEmpty()) {
                out.add(ofRole(new Resource(name, new ResourceValue.Ranges(set.ranges()), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty())));
            }
        });
        out.addAll(mounts);
        return out;
    }

    private Resource ofRole(Resource resource) {
        return role.equals(UNRESERVED) ? resource : resource.withPreReservedRole(role);
    }

    private static String root(Resource disk) {
        return disk.disk().flatMap(DiskSource::root).orElse("?");
    }
}
