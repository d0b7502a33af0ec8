package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.placement.PlacementState;
import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import io.stratum.sdk.spec.VolumeSpec;
import io.stratum.sdk.spec.VolumeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One try of one pod instance on one offer: the stages consume from a copy of the offer's pool and
 * collect the operations and the instance's footprint here, so a failed try changes nothing and a
 * successful one is committed to the {@link Ledger} at once. A failing stage leaves its reason as
 * a supplier, turned into text only if someone asks why.
 */
final class Attempt {
    final Settings settings;
    final PodRequest request;
    final Demand demand;
    final Ledger ledger;
    final Pool pool;
    final PlacementState state;
    final String podInstance;

    final List<Operation> reserves = new ArrayList<>();
    final List<Operation> creates = new ArrayList<>();
    final List<Operation> unreserves = new ArrayList<>();
    final List<Resource> executorResources = new ArrayList<>();
    final Map<String, Resource> reservedNow = new LinkedHashMap<>();
    final List<String> released = new ArrayList<>();
    private final Map<String, Resource> footprint = new LinkedHashMap<>();
    private final Map<String, List<Resource>> setResources = new HashMap<>();
    private final Map<String, Map<String, Long>> setPorts = new HashMap<>();
    private final Map<String, Resource> existing = new HashMap<>();
    private Operation.Launch launch;
    private Supplier<String> failure;

    Attempt(Settings settings, PodRequest request, Demand demand, Ledger ledger, PlacementState state) {
        this.settings = settings;
        this.request = request;
        this.demand = demand;
        this.ledger = ledger;
        this.state = state;
        this.podInstance = request.podInstanceName();
        Pool current = ledger.pool(demand.role);
        this.pool = current == null ? new Pool(demand.role) : current.copy();
        request.footprint().ifPresent(f -> f.resources().forEach(r -> {
            Resource now = ledger.reserved(r.resourceId().orElseThrow());
            footprint.put(r.resourceId().get(), r);
            if (now != null) {
                existing.put(slot(Ledger.resourceSet(now), now.name(), nameLabel(now)), now);
            }
        }));
        request.footprint().ifPresent(f -> f.sharedVolumes().forEach(this::shareVolume));
    }

    /**
     * A pod-level volume that running tasks of the instance hold is shared, not created again: it
     * is rebuilt from the spec and its ids (the cluster checks the ids, and lets tasks of one pod
     * instance share a reservation), as {@link #reserve} made it.
     */
    private void shareVolume(String name, PodFootprint.SharedVolume ids) {
        VolumeSpec volume = demand.pod.volumes().get(name);
        String slot = slot(Reservation.POD_RESOURCE_SET, Resource.DISK, name);
        if (volume == null || existing.containsKey(slot)) {
            return;
        }
        Resource shape = Resource.scalar(Resource.DISK, volume.size());
        if (volume.type() == VolumeType.MOUNT) {
            shape = shape.withDisk(new DiskSource(DiskSource.Type.MOUNT, Optional.empty(), Optional.empty()));
        }
        if (!pool.role.equals(Pool.UNRESERVED)) {
            shape = shape.withPreReservedRole(pool.role);
        }
        Map<String, String> labels = new LinkedHashMap<>(8);
        labels.put(Reservation.RESOURCE_ID, ids.resourceId());
        labels.put(Reservation.POD_INSTANCE, podInstance);
        labels.put(Reservation.RESOURCE_SET, Reservation.POD_RESOURCE_SET);
        labels.put(Reservation.VOLUME, name);
        Reservation reservation = new Reservation(settings.identity().role(), settings.identity().principal(), labels);
        existing.put(slot, shape.withReservation(reservation)
                .withVolume(new PersistentVolume(ids.persistenceId(), volume.path())));
    }

    /** @return the instance's reserved resource for {@code set}/{@code name}/{@code item} (port or volume name), or null */
    Resource existing(String set, String name, String item) {
        return existing.get(slot(set, name, item));
    }

    /** Records why the attempt fails; returns false for {@code return a.fail(...)}. */
    boolean fail(Supplier<String> reason) {
        this.failure = reason;
        return false;
    }

    String failure() {
        return failure == null ? "failed" : failure.get();
    }

    /** Reserves {@code shape} from the pool's role with fresh labels; returns the reserved resource. */
    Resource reserve(Resource shape, String set, String itemLabel, String item) {
        Map<String, String> labels = new LinkedHashMap<>(8);
        labels.put(Reservation.RESOURCE_ID, settings.identity().ids().next(podInstance));
        labels.put(Reservation.POD_INSTANCE, podInstance);
        labels.put(Reservation.RESOURCE_SET, set);
        if (itemLabel != null) {
            labels.put(itemLabel, item);
        }
        Resource base = pool.role.equals(Pool.UNRESERVED) || shape.preReservedRole().isPresent()
                ? shape : shape.withPreReservedRole(pool.role);
        Resource reserved = base.withReservation(new Reservation(settings.identity().role(), settings.identity().principal(), labels));
        reserves.add(new Operation.Reserve(ledger.offer.id(), reserved));
        return keep(reserved);
    }

    /** Grows an existing scalar reservation by {@code delta} under the same labels (Mesos merges them). */
    Resource grow(Resource existing, double delta) {
        reserves.add(new Operation.Reserve(ledger.offer.id(), existing.withValue(ResourceValue.scalar(delta))));
        return keep(existing.withValue(ResourceValue.scalar(existing.amount() + delta)));
    }

    /** Shrinks an existing scalar reservation by {@code delta}. */
    Resource shrink(Resource existing, double delta) {
        unreserves.add(new Operation.Unreserve(ledger.offer.id(), existing.withValue(ResourceValue.scalar(delta))));
        return keep(existing.withValue(ResourceValue.scalar(existing.amount() - delta)));
    }

    /** Gives a whole reservation back. */
    void release(Resource existing) {
        unreserves.add(new Operation.Unreserve(ledger.offer.id(), existing));
        String id = existing.resourceId().orElseThrow();
        footprint.remove(id);
        released.add(id);
    }

    /** Records {@code resource} as held by the instance after this attempt. */
    Resource keep(Resource resource) {
        String id = resource.resourceId().orElseThrow();
        footprint.put(id, resource);
        reservedNow.put(id, resource);
        return resource;
    }

    void addToSet(String set, Resource resource) {
        setResources.computeIfAbsent(set, s -> new ArrayList<>()).add(resource);
    }

    List<Resource> resourcesOf(String set) {
        return setResources.getOrDefault(set, List.of());
    }

    void addPort(String set, String name, long port) {
        setPorts.computeIfAbsent(set, s -> new LinkedHashMap<>()).put(name, port);
    }

    Map<String, Long> portsOf(String set) {
        return setPorts.getOrDefault(set, Map.of());
    }

    void launch(Operation.Launch launch) {
        this.launch = launch;
    }

    /** @return the operations in the order to send them */
    List<Operation> recommendations() {
        List<Operation> out = new ArrayList<>(reserves.size() + creates.size() + unreserves.size() + 1);
        out.addAll(reserves);
        out.addAll(creates);
        out.addAll(unreserves);
        out.add(launch);
        return out;
    }

    PodFootprint footprint() {
        return new PodFootprint(ledger.agent.id(), new ArrayList<>(footprint.values()));
    }

    private static String slot(String set, String name, String item) {
        return set + '/' + name + '/' + (item == null ? "" : item);
    }

    private static String nameLabel(Resource r) {
        String port = Ledger.label(r, Reservation.PORT);
        return port != null ? port : Ledger.label(r, Reservation.VOLUME);
    }
}
