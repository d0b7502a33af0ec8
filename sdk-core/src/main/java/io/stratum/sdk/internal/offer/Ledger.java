package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Offer;

import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One offer as a placement round sees it, kept up to date as pod instances are placed on it: a
 * {@link Pool} per role we may reserve from (unreserved, and each pre-reserved role), and the
 * resources already reserved for our role by {@code resource_id}. Resources reserved for other
 * roles, or by us without an id, are not ours to use and are left out. Not thread-safe.
 */
final class Ledger {
    final int index;
    final Offer offer;
    final Agent agent;
    private final Map<String, Pool> pools = new HashMap<>(2);
    private final Map<String, Resource> reserved = new LinkedHashMap<>();

    Ledger(int index, Offer offer, String role) {
        this.index = index;
        this.offer = offer;
        this.agent = offer.agent();
        for (Resource r : offer.resources()) {
            if (r.reservation().isEmpty()) {
                pool(r.preReservedRole().orElse(Pool.UNRESERVED), true).add(r);
            } else if (r.reservation().get().role().equals(role) && r.resourceId().isPresent()) {
                reserved.merge(r.resourceId().get(), r, Ledger::merge);
            }
        }
        pools.values().forEach(Pool::markCapacity);
    }

    /** @return the pool of {@code role} ({@code *} for unreserved), or null if the offer has none */
    Pool pool(String role) {
        return pools.get(role);
    }

    /** @return our reserved resource with {@code resourceId}, or null */
    Resource reserved(String resourceId) {
        return reserved.get(resourceId);
    }

    /** @return our reserved resources by id */
    Map<String, Resource> reserved() {
        return reserved;
    }

    /** Applies a successful attempt: its pool becomes ours, its reservations replace the old ones. */
    void commit(Pool pool, Map<String, Resource> reservedNow, Iterable<String> released) {
        pools.put(pool.role, pool);
        released.forEach(reserved::remove);
        reserved.putAll(reservedNow);
    }

    private Pool pool(String role, boolean create) {
        return create ? pools.computeIfAbsent(role, Pool::new) : pools.get(role);
    }

    /** Two pieces of one reservation (Mesos may offer them apart): one resource with the sum. */
    private static Resource merge(Resource a, Resource b) {
        if (a.value() instanceof ResourceValue.Scalar x && b.value() instanceof ResourceValue.Scalar y) {
            return a.withValue(ResourceValue.scalar(x.value() + y.value()));
        }
        return a;
    }

    /** @return the reservation's label {@code key}, or null */
    static String label(Resource resource, String key) {
        return resource.reservation().flatMap(r -> r.label(key)).orElse(null);
    }

    /** @return the reservation's resource set label, or null */
    static String resourceSet(Resource resource) {
        return label(resource, Reservation.RESOURCE_SET);
    }
}
