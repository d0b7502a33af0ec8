package io.stratum.sdk.backend.local;

import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import java.util.List;
import java.util.Optional;

/**
 * Translates between the resource model of offers and operations ({@link Resource}) and the
 * ledger's own records, so that a reservation comes back in offers exactly as it was reserved:
 * same role, principal, labels ({@code resource_id} included) and volume.
 *
 * <p>The local agents have only unreserved resources on a root disk: reservations of MOUNT disks
 * or of resources pre-reserved for a role are refused.
 */
final class LedgerRecords {
    private LedgerRecords() {}

    /**
     * @return the ledger's record of a reserved resource
     * @throws IllegalArgumentException if it has no {@code resource_id}, or is of a kind the local agents lack
     */
    static Reservation reservation(Resource resource) {
        io.stratum.sdk.resource.Reservation reservation = resource.reservation()
                .orElseThrow(() -> new IllegalArgumentException("not reserved: " + resource));
        String id = resource.resourceId()
                .orElseThrow(() -> new IllegalArgumentException("reservation without resource_id: " + resource));
        if (resource.isMountDisk() || resource.preReservedRole().isPresent()) {
            throw new IllegalArgumentException("local agents have no MOUNT disks or pre-reserved resources: " + resource);
        }
        return new Reservation(id, reservation.role(), reservation.principal(), reservation.labels(), resource.name(),
                value(resource.value()));
    }

    /** @return the ledger's record of the volume a reserved disk carries */
    static PersistentVolume volume(Resource disk) {
        io.stratum.sdk.resource.PersistentVolume volume = disk.volume()
                .orElseThrow(() -> new IllegalArgumentException("no volume on " + disk));
        Reservation reservation = reservation(disk);
        return new PersistentVolume(volume.persistenceId(), reservation.resourceId(), reservation.role(),
                reservation.principal(), volume.containerPath(), disk.amount());
    }

    /** @return a reservation as offers show it, with its volume if one is on it */
    static Resource resource(Reservation reservation, Optional<PersistentVolume> volume) {
        Resource resource = new Resource(reservation.resourceName(), value(reservation.value()), Optional.empty(),
                Optional.of(new io.stratum.sdk.resource.Reservation(reservation.role(), reservation.principal(),
                        reservation.labels())),
                Optional.empty(), Optional.empty());
        return volume.map(v -> resource.withVolume(new io.stratum.sdk.resource.PersistentVolume(v.persistenceId(), v.path())))
                .orElse(resource);
    }

    static ResourceValue value(io.stratum.sdk.resource.ResourceValue value) {
        if (value instanceof io.stratum.sdk.resource.ResourceValue.Scalar scalar) {
            return new ResourceValue.Scalar(scalar.value());
        }
        if (value instanceof io.stratum.sdk.resource.ResourceValue.Ranges ranges && !ranges.ranges().isEmpty()) {
            return new ResourceValue.Ranges(ranges.ranges().stream()
                    .map(r -> new ResourceValue.Range(r.begin(), r.end())).toList());
        }
        throw new IllegalArgumentException("local agents have only scalar and port resources, not " + value);
    }

    static io.stratum.sdk.resource.ResourceValue value(ResourceValue value) {
        if (value instanceof ResourceValue.Scalar scalar) {
            return io.stratum.sdk.resource.ResourceValue.scalar(scalar.value());
        }
        List<Range> ranges = ((ResourceValue.Ranges) value).ranges().stream().map(r -> new Range(r.begin(), r.end())).toList();
        return new io.stratum.sdk.resource.ResourceValue.Ranges(ranges);
    }
}
