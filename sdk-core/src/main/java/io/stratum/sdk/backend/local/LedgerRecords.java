package io.stratum.sdk.backend.local;

import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Translates between the resource model of offers and operations ({@link Resource}) and the
 * ledger's own records, so that a reservation comes back in offers exactly as it was reserved:
 * same role, principal, labels ({@code resource_id} included), pre-reserved role, MOUNT disk and
 * volume.
 *
 * <p>The offer model says a pre-reserved resource is reserved for the scheduler's role; the
 * ledger records the refined role, {@code <pre-reserved role>/<scheduler's role>}, as a Mesos
 * agent does. A MOUNT disk is recorded by its id, the last name of its root.
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
        String pre = resource.preReservedRole().orElse(null);
        String role = pre == null ? reservation.role() : pre + "/" + reservation.role();
        return new Reservation(id, role, reservation.principal(), reservation.labels(), resource.name(),
                value(resource.value()), pre, mountId(resource));
    }

    /** @return the ledger's record of the volume a reserved disk carries */
    static PersistentVolume volume(Resource disk) {
        io.stratum.sdk.resource.PersistentVolume volume = disk.volume()
                .orElseThrow(() -> new IllegalArgumentException("no volume on " + disk));
        Reservation reservation = reservation(disk);
        return new PersistentVolume(volume.persistenceId(), reservation.resourceId(), reservation.role(),
                reservation.principal(), volume.containerPath(), disk.amount(), reservation.mount());
    }

    /** @return a reservation on the agent with directories {@code dirs} as offers show it, with its volume if one is on it */
    static Resource resource(AgentDirs dirs, Reservation reservation, Optional<PersistentVolume> volume) {
        String pre = reservation.preReservedRole();
        String role = pre == null ? reservation.role() : reservation.role().substring(pre.length() + 1);
        Resource resource = new Resource(reservation.resourceName(), value(reservation.value()), Optional.ofNullable(pre),
                Optional.of(new io.stratum.sdk.resource.Reservation(role, reservation.principal(), reservation.labels())),
                Optional.empty(), Optional.empty());
        if (reservation.mount() != null) {
            resource = resource.withDisk(mountSource(dirs, reservation.mount()));
        }
        Resource reserved = resource;
        return volume.map(v -> reserved.withVolume(new io.stratum.sdk.resource.PersistentVolume(v.persistenceId(), v.path())))
                .orElse(reserved);
    }

    /** @return the source of the agent's MOUNT disk {@code diskId}: its directory */
    static DiskSource mountSource(AgentDirs dirs, String diskId) {
        return DiskSource.mount(dirs.mount(diskId).toString());
    }

    /**
     * @return the id of the MOUNT disk a disk resource is on, or null for the root disk
     * @throws IllegalArgumentException if its source has no root
     */
    static String mountId(Resource resource) {
        if (!resource.isMountDisk()) {
            return null;
        }
        String root = resource.disk().flatMap(DiskSource::root)
                .orElseThrow(() -> new IllegalArgumentException("MOUNT disk without a root: " + resource));
        Path name = Path.of(root).getFileName();
        return AgentDirs.checkName("disk id", name == null ? root : name.toString());
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
