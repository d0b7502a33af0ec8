package io.stratum.sdk.backend.local;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The records of an agent's {@link LedgerFile}, and their translation from and to the resource
 * model of offers and operations ({@link Resource}), so that a reservation comes back after a
 * restart exactly as it was reserved: same role, principal, labels ({@code resource_id} included),
 * pre-reserved role, MOUNT disk and volume.
 *
 * <p>The offer model says a pre-reserved resource is reserved for the scheduler's role; the
 * ledger records the refined role, {@code <pre-reserved role>/<scheduler's role>}, as a Mesos
 * agent does. A MOUNT disk is recorded by its id, the last name of its root.
 */
final class LedgerRecords {
    private LedgerRecords() {}

    /**
     * A dynamic reservation as the ledger file records it.
     *
     * @param resourceId      the reservation's unique id (the SDK's resource id label)
     * @param role            the role it is reserved for (refined when pre-reserved)
     * @param principal       who reserved it
     * @param labels          the reservation's labels
     * @param resourceName    cpus, mem, disk, ports, ...
     * @param value           how much
     * @param preReservedRole the static role it refines, or null for unreserved resources
     * @param mount           for disk on a MOUNT disk, the disk's id ({@code mount-1}); null for the root disk
     */
    record Reserved(String resourceId, String role, String principal, Map<String, String> labels, String resourceName,
            Amount value, String preReservedRole, String mount) {
        Reserved {
            Objects.requireNonNull(resourceId, "resourceId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(resourceName, "resourceName");
            Objects.requireNonNull(value, "value");
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            if (preReservedRole != null && !role.startsWith(preReservedRole + "/")) {
                throw new IllegalArgumentException("a reservation of resources pre-reserved for " + preReservedRole
                        + " must refine it, not be for " + role);
            }
        }
    }

    /**
     * A persistent volume as the ledger file records it.
     *
     * @param persistenceId the volume's unique id; also its directory's name on the root disk
     * @param resourceId    the disk reservation it is created on
     * @param role          the role it belongs to
     * @param principal     who created it
     * @param path          where tasks see it, relative to their sandbox
     * @param sizeMb        its size in MB, more than 0 (not enforced on the local backend)
     * @param mount         the MOUNT disk it is on, or null for the root disk
     */
    record Volume(String persistenceId, String resourceId, String role, String principal, String path, double sizeMb,
            String mount) {
        Volume {
            AgentDirs.checkName("persistence id", persistenceId);
            Objects.requireNonNull(resourceId, "resourceId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(path, "path");
            if (!(sizeMb > 0)) {
                throw new IllegalArgumentException("volume size must be more than 0 MB: " + sizeMb);
            }
        }
    }

    /** How much of a resource the file records: a scalar (cpus, mem, disk) or ranges (ports). */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Amount.Scalar.class, name = "scalar"),
        @JsonSubTypes.Type(value = Amount.Ranges.class, name = "ranges")
    })
    sealed interface Amount {
        /** @param value an amount, 0 or more */
        record Scalar(double value) implements Amount {
            public Scalar {
                ResourceValue.scalar(value); // validates
            }
        }

        /** @param ranges inclusive ranges, at least one */
        record Ranges(List<Span> ranges) implements Amount {
            public Ranges {
                ranges = List.copyOf(ranges);
                if (ranges.isEmpty()) {
                    throw new IllegalArgumentException("ranges must not be empty");
                }
            }
        }

        /** An inclusive range, {@code begin <= end}. */
        record Span(long begin, long end) {
            public Span {
                if (begin > end) {
                    throw new IllegalArgumentException("range begins after its end: " + begin + "-" + end);
                }
            }
        }
    }

    /**
     * @return the ledger's record of a reserved resource
     * @throws IllegalArgumentException if it has no {@code resource_id}, or is of a kind the local agents lack
     */
    static Reserved reserved(Resource resource) {
        Reservation reservation = resource.reservation()
                .orElseThrow(() -> new IllegalArgumentException("not reserved: " + resource));
        String id = resource.resourceId()
                .orElseThrow(() -> new IllegalArgumentException("reservation without resource_id: " + resource));
        String pre = resource.preReservedRole().orElse(null);
        String role = pre == null ? reservation.role() : pre + "/" + reservation.role();
        return new Reserved(id, role, reservation.principal(), reservation.labels(), resource.name(),
                amount(resource.value()), pre, mountId(resource));
    }

    /** @return the ledger's record of the volume a reserved disk carries */
    static Volume volume(Resource disk) {
        PersistentVolume volume = disk.volume().orElseThrow(() -> new IllegalArgumentException("no volume on " + disk));
        Reserved reserved = reserved(disk);
        return new Volume(volume.persistenceId(), reserved.resourceId(), reserved.role(), reserved.principal(),
                volume.containerPath(), disk.amount(), reserved.mount());
    }

    /** @return a reservation on the agent with directories {@code dirs} as offers show it, with its volume if one is on it */
    static Resource resource(AgentDirs dirs, Reserved reserved, Optional<Volume> volume) {
        String pre = reserved.preReservedRole();
        String role = pre == null ? reserved.role() : reserved.role().substring(pre.length() + 1);
        Resource resource = new Resource(reserved.resourceName(), value(reserved.value()), Optional.ofNullable(pre),
                Optional.of(new Reservation(role, reserved.principal(), reserved.labels())), Optional.empty(),
                Optional.empty());
        if (reserved.mount() != null) {
            resource = resource.withDisk(mountSource(dirs, reserved.mount()));
        }
        Resource held = resource;
        return volume.map(v -> held.withVolume(new PersistentVolume(v.persistenceId(), v.path()))).orElse(held);
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

    private static Amount amount(ResourceValue value) {
        if (value instanceof ResourceValue.Scalar scalar) {
            return new Amount.Scalar(scalar.value());
        }
        if (value instanceof ResourceValue.Ranges ranges && !ranges.ranges().isEmpty()) {
            return new Amount.Ranges(ranges.ranges().stream().map(r -> new Amount.Span(r.begin(), r.end())).toList());
        }
        throw new IllegalArgumentException("local agents have only scalar and port resources, not " + value);
    }

    private static ResourceValue value(Amount amount) {
        if (amount instanceof Amount.Scalar scalar) {
            return ResourceValue.scalar(scalar.value());
        }
        return new ResourceValue.Ranges(((Amount.Ranges) amount).ranges().stream()
                .map(r -> new Range(r.begin(), r.end())).toList());
    }
}
