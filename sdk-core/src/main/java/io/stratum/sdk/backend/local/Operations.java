package io.stratum.sdk.backend.local;

import io.stratum.sdk.backend.CreateVolumeOperation;
import io.stratum.sdk.backend.DestroyVolumeOperation;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.ReserveOperation;
import io.stratum.sdk.backend.UnreserveOperation;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import java.util.List;
import java.util.Set;

/**
 * Applies the resource operations of an accept to an agent's {@link Ledger}, as Mesos would:
 * a reserve takes free resources (or grows the reservation of the same {@code resource_id}), an
 * unreserve gives all or part of a reservation back, a volume is created on reserved disk and its
 * destruction deletes its data. Reserving pre-reserved resources takes from that role's share
 * only; a MOUNT disk is reserved whole and given back whole. Reservations and volumes a live
 * task uses cannot be given back.
 */
final class Operations {
    private static final double EPSILON = io.stratum.sdk.resource.ResourceValue.Scalar.EPSILON;

    private Operations() {}

    /**
     * @param inUse the {@code resource_id}s live tasks use
     * @throws IllegalArgumentException if the operation cannot apply (nothing changed then)
     * @throws IllegalStateException    if the ledger refuses it (nothing changed then)
     */
    static void apply(LocalAgent agent, Operation operation, Set<String> inUse) {
        if (operation instanceof ReserveOperation reserve) {
            reserve(agent, reserve.resource());
        } else if (operation instanceof UnreserveOperation unreserve) {
            unreserve(agent, unreserve.resource(), inUse);
        } else if (operation instanceof CreateVolumeOperation create) {
            agent.ledger().createVolume(LedgerRecords.volume(create.volume()));
        } else if (operation instanceof DestroyVolumeOperation destroy) {
            notInUse(destroy.volume(), inUse);
            agent.ledger().destroyVolume(destroy.volume().volume().orElseThrow().persistenceId());
        } else {
            throw new IllegalArgumentException("not a resource operation: " + operation);
        }
    }

    private static void reserve(LocalAgent agent, Resource resource) {
        Reservation wanted = LedgerRecords.reservation(resource);
        Reservation held = agent.ledger().reservations().stream()
                .filter(r -> r.resourceId().equals(wanted.resourceId())).findFirst().orElse(null);
        if (held != null && !sameReservation(held, wanted)) {
            throw new IllegalArgumentException("resource_id " + wanted.resourceId() + " is reserved already as " + held);
        }
        if (wanted.mount() != null) {
            reserveMount(agent, resource, wanted, held);
            return;
        }
        String role = wanted.preReservedRole();
        if (wanted.value() instanceof ResourceValue.Ranges) {
            List<Range> ports = ((io.stratum.sdk.resource.ResourceValue.Ranges) resource.value()).ranges();
            if (!resource.name().equals(Resource.PORTS) || role != null || !PortRanges.containsAll(agent.freePorts(), ports)) {
                throw new IllegalArgumentException(resource.name() + " " + resource.value() + (role == null ? "" : " of role " + role)
                        + " are not free on " + agent.id());
            }
        } else if (resource.amount() > agent.free(role, resource.name()) + EPSILON) {
            throw new IllegalArgumentException(resource.name() + " " + resource.value() + " wanted but only "
                    + io.stratum.sdk.resource.ResourceValue.Scalar.format(agent.free(role, resource.name()))
                    + (role == null ? "" : " pre-reserved for " + role) + " free on " + agent.id());
        }
        if (held == null) {
            agent.ledger().reserve(wanted);
        } else if (held.value() instanceof ResourceValue.Scalar have) {
            agent.ledger().resize(held.resourceId(), new ResourceValue.Scalar(have.value() + resource.amount()));
        } else {
            throw new IllegalArgumentException("port reservation " + held.resourceId() + " cannot grow");
        }
    }

    /** A MOUNT disk is reserved whole, once, and never grows; it is not pre-reserved for any role. */
    private static void reserveMount(LocalAgent agent, Resource resource, Reservation wanted, Reservation held) {
        if (held != null) {
            if (!held.equals(wanted)) {
                throw new IllegalArgumentException("MOUNT disk reservation " + held.resourceId() + " cannot grow");
            }
            return;
        }
        String disk = wanted.mount();
        boolean known = agent.hasMount(disk) && resource.disk().flatMap(io.stratum.sdk.resource.DiskSource::root)
                .equals(LedgerRecords.mountSource(agent.dirs(), disk).root());
        if (!known || wanted.preReservedRole() != null) {
            throw new IllegalArgumentException("no MOUNT disk " + resource.disk().flatMap(d -> d.root()).orElse(disk)
                    + (wanted.preReservedRole() == null ? "" : " pre-reserved for " + wanted.preReservedRole())
                    + " on " + agent.id());
        }
        if (agent.freeMounts().stream().noneMatch(free -> disk.equals(LedgerRecords.mountId(free)))) {
            throw new IllegalArgumentException("MOUNT disk " + disk + " is reserved already on " + agent.id());
        }
        if (Math.abs(resource.amount() - agent.mountSizeMb()) > EPSILON) {
            throw new IllegalArgumentException("MOUNT disk " + disk + " is reserved whole: "
                    + io.stratum.sdk.resource.ResourceValue.Scalar.format(agent.mountSizeMb()) + " MB, not " + resource.value());
        }
        agent.ledger().reserve(wanted);
    }

    private static void unreserve(LocalAgent agent, Resource resource, Set<String> inUse) {
        notInUse(resource, inUse);
        Reservation part = LedgerRecords.reservation(resource);
        Reservation held = agent.ledger().reservations().stream()
                .filter(r -> r.resourceId().equals(part.resourceId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("resource_id " + part.resourceId() + " is not reserved on "
                        + agent.id()));
        if (held.mount() == null && held.value() instanceof ResourceValue.Scalar have
                && part.value() instanceof ResourceValue.Scalar gone && gone.value() < have.value() - EPSILON) {
            agent.ledger().resize(held.resourceId(), new ResourceValue.Scalar(have.value() - gone.value()));
            return;
        }
        if (!held.resourceName().equals(part.resourceName())
                || (held.value() instanceof ResourceValue.Ranges && !held.value().equals(part.value()))) {
            throw new IllegalArgumentException("cannot unreserve " + resource + ": reservation holds "
                    + held.resourceName() + " " + LedgerRecords.value(held.value()));
        }
        agent.ledger().unreserve(held.resourceId());
    }

    private static void notInUse(Resource resource, Set<String> inUse) {
        String id = resource.resourceId().orElseThrow(() -> new IllegalArgumentException("no resource_id: " + resource));
        if (inUse.contains(id)) {
            throw new IllegalArgumentException("reservation " + id + " is in use by a live task");
        }
    }

    private static boolean sameReservation(Reservation a, Reservation b) {
        return a.role().equals(b.role()) && a.principal().equals(b.principal()) && a.labels().equals(b.labels())
                && a.resourceName().equals(b.resourceName()) && java.util.Objects.equals(a.preReservedRole(), b.preReservedRole())
                && java.util.Objects.equals(a.mount(), b.mount());
    }
}
