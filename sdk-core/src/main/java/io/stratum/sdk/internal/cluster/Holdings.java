package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resources on one agent, or in one offer of it: a {@link ResourcePool} per role for what is not
 * dynamically reserved, and the dynamic reservations by {@code resource_id} (with any volume on
 * them). Reserving more under an id that exists grows it, as Mesos merges identical reservations;
 * unreserving part of one shrinks it. Mutable; not thread-safe.
 */
final class Holdings {
    private static final double EPSILON = ResourceValue.Scalar.EPSILON;

    private final Map<String, ResourcePool> pools = new LinkedHashMap<>(2);
    private final Map<String, Resource> reserved = new LinkedHashMap<>();

    /** @return holdings of {@code resources}: reserved ones need a {@code resource_id} (others are ignored) */
    static Holdings of(Collection<Resource> resources) {
        Holdings holdings = new Holdings();
        for (Resource r : resources) {
            if (r.reservation().isEmpty()) {
                holdings.giveUnreserved(r);
            } else {
                r.resourceId().ifPresent(id -> holdings.reserved.put(id, r));
            }
        }
        return holdings;
    }

    /** @return a copy of the pools, sharing nothing mutable (reservations are not copied) */
    Holdings copyPools() {
        Holdings copy = new Holdings();
        pools.forEach((role, pool) -> copy.pools.put(role, pool.copy()));
        return copy;
    }

    /** Replaces this one's pools with {@code other}'s. */
    void takePoolsOf(Holdings other) {
        pools.clear();
        pools.putAll(other.pools);
    }

    void giveUnreserved(Resource shape) {
        pools.computeIfAbsent(ResourcePool.roleOf(shape), ResourcePool::new).give(shape);
    }

    /** @return null when taken, otherwise why not */
    String takeUnreserved(Resource shape) {
        ResourcePool pool = pools.get(ResourcePool.roleOf(shape));
        return pool == null ? "nothing for role " + ResourcePool.roleOf(shape) : pool.take(shape);
    }

    /** Takes away what is held of the pools, each role's at once; see {@link ResourcePool#withdraw}. */
    void withdraw(Collection<Resource> held) {
        Map<String, List<Resource>> byRole = new LinkedHashMap<>();
        held.forEach(shape -> byRole.computeIfAbsent(ResourcePool.roleOf(shape), r -> new ArrayList<>()).add(shape));
        byRole.forEach((role, shapes) -> {
            ResourcePool pool = pools.get(role);
            if (pool != null) {
                pool.withdraw(shapes);
            }
        });
    }

    Resource reserved(String resourceId) {
        return reserved.get(resourceId);
    }

    Collection<Resource> reserved() {
        return reserved.values();
    }

    void putReserved(String resourceId, Resource resource) {
        reserved.put(resourceId, Objects.requireNonNull(resource));
    }

    void removeReserved(String resourceId) {
        reserved.remove(resourceId);
    }

    /** @return why {@code more} cannot be added to the reservation of the same id, or null if it can (or is new) */
    String checkGrow(Resource more) {
        Resource held = reserved.get(more.resourceId().orElseThrow());
        if (held == null) {
            return null;
        }
        boolean same = held.name().equals(more.name()) && held.reservation().equals(more.reservation())
                && held.preReservedRole().equals(more.preReservedRole()) && !held.isMountDisk() && !more.isMountDisk()
                && held.value().getClass() == more.value().getClass();
        return same ? null : "resource_id " + more.resourceId().get() + " is reserved already as " + held;
    }

    /** Adds a reservation, merged into the one of the same id if any; the caller has checked {@link #checkGrow}. */
    void addReservation(Resource more) {
        reserved.merge(more.resourceId().orElseThrow(), more, Holdings::plus);
    }

    /**
     * Gives back {@code part} of the reservation with its id: the rest stays reserved.
     *
     * @return null when done, otherwise why not
     */
    String shrink(Resource part) {
        String id = part.resourceId().orElseThrow();
        Resource held = reserved.get(id);
        if (!held.name().equals(part.name())) {
            return "reservation " + id + " is " + held.name() + ", not " + part.name();
        }
        if (held.value() instanceof ResourceValue.Ranges have && part.value() instanceof ResourceValue.Ranges gone) {
            RangeSet rest = new RangeSet(have.ranges());
            if (!rest.containsAll(gone.ranges())) {
                return "reservation " + id + " holds " + have + ", not all of " + gone;
            }
            rest.remove(gone.ranges());
            return replace(id, rest.isEmpty() ? null : held.withValue(new ResourceValue.Ranges(rest.ranges())));
        }
        double rest = held.amount() - part.amount();
        if (rest < -EPSILON || (held.isMountDisk() && rest > EPSILON)) {
            return "reservation " + id + " holds " + held.value() + (held.isMountDisk() ? " MB of a whole MOUNT disk" : "")
                    + ", cannot give back " + part.value();
        }
        return replace(id, rest <= EPSILON ? null : held.withValue(ResourceValue.scalar(rest)));
    }

    /** @return the unreserved resources, by role */
    List<Resource> unreserved() {
        List<Resource> out = new ArrayList<>();
        pools.values().forEach(pool -> out.addAll(pool.resources()));
        return out;
    }

    private String replace(String id, Resource rest) {
        if (rest == null) {
            reserved.remove(id);
        } else {
            reserved.put(id, rest);
        }
        return null;
    }

    private static Resource plus(Resource a, Resource b) {
        if (a.value() instanceof ResourceValue.Ranges x && b.value() instanceof ResourceValue.Ranges y) {
            List<Range> all = new ArrayList<>(x.ranges());
            all.addAll(y.ranges());
            return a.withValue(new ResourceValue.Ranges(all));
        }
        return a.withValue(ResourceValue.scalar(a.amount() + b.amount()));
    }
}
