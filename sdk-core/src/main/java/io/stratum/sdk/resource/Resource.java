package io.stratum.sdk.resource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount of one named resource on one agent, with where it stands: unreserved, statically
 * reserved for a role by the operator ({@linkplain #preReservedRole() pre-reserved}), or
 * dynamically reserved ({@link #reservation()}); for disk, its {@link DiskSource} and possibly a
 * {@link PersistentVolume} created on it.
 *
 * <p>Build one with {@link #scalar}, {@link #ports}, {@link #mountDisk} and the {@code with*}
 * methods; every method returns a new value. Immutable.
 *
 * @param name            the resource's name, e.g. {@value #CPUS}; not blank
 * @param value           how much
 * @param preReservedRole the role the operator statically reserved it for, if any
 * @param reservation     the dynamic reservation, if any
 * @param disk            for disk resources, the source; empty means ROOT
 * @param volume          the persistent volume on this disk, if any (only for disk)
 */
public record Resource(String name, ResourceValue value, Optional<String> preReservedRole,
        Optional<Reservation> reservation, Optional<DiskSource> disk, Optional<PersistentVolume> volume) {

    /** CPU shares. */
    public static final String CPUS = "cpus";
    /** Memory in MB. */
    public static final String MEM = "mem";
    /** Disk in MB. */
    public static final String DISK = "disk";
    /** Whole GPUs. */
    public static final String GPUS = "gpus";
    /** Port ranges. */
    public static final String PORTS = "ports";

    /** @throws IllegalArgumentException if the name is blank or a volume or disk source is set on a non-disk resource */
    public Resource {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("resource name must not be blank");
        }
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(preReservedRole, "preReservedRole");
        Objects.requireNonNull(reservation, "reservation");
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(volume, "volume");
        if ((disk.isPresent() || volume.isPresent()) && !name.equals(DISK)) {
            throw new IllegalArgumentException("only disk has a disk source or volume, not " + name);
        }
    }

    /** @return an unreserved scalar, e.g. {@code scalar("cpus", 4)} */
    public static Resource scalar(String name, double amount) {
        return new Resource(name, ResourceValue.scalar(amount), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** @return unreserved port ranges */
    public static Resource ports(Range... ranges) {
        return new Resource(PORTS, new ResourceValue.Ranges(List.of(ranges)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @return an unreserved, whole MOUNT disk of {@code sizeMb} at {@code source} */
    public static Resource mountDisk(double sizeMb, DiskSource source) {
        return scalar(DISK, sizeMb).withDisk(source);
    }

    /** @return this resource statically reserved for {@code role} */
    public Resource withPreReservedRole(String role) {
        return new Resource(name, value, Optional.of(role), reservation, disk, volume);
    }

    /** @return this resource dynamically reserved as {@code reservation} */
    public Resource withReservation(Reservation reservation) {
        return new Resource(name, value, preReservedRole, Optional.of(reservation), disk, volume);
    }

    /** @return this resource without its dynamic reservation (and volume), as it is after UNRESERVE */
    public Resource withoutReservation() {
        return new Resource(name, value, preReservedRole, Optional.empty(), disk, Optional.empty());
    }

    /** @return this resource without its persistent volume, as it is after DESTROY */
    public Resource withoutVolume() {
        return new Resource(name, value, preReservedRole, reservation, disk, Optional.empty());
    }

    /** @return this disk resource on {@code source} */
    public Resource withDisk(DiskSource source) {
        return new Resource(name, value, preReservedRole, reservation, Optional.of(source), volume);
    }

    /** @return this disk resource carrying {@code volume} */
    public Resource withVolume(PersistentVolume volume) {
        return new Resource(name, value, preReservedRole, reservation, disk, Optional.of(volume));
    }

    /** @return this resource holding {@code value} instead */
    public Resource withValue(ResourceValue value) {
        return new Resource(name, value, preReservedRole, reservation, disk, volume);
    }

    /** @return the scalar amount, or 0 if the value is not a scalar */
    public double amount() {
        return value instanceof ResourceValue.Scalar s ? s.value() : 0;
    }

    /** @return the {@code resource_id} of the dynamic reservation, if any */
    public Optional<String> resourceId() {
        return reservation.flatMap(Reservation::resourceId);
    }

    /** @return whether this is disk on a MOUNT source */
    public boolean isMountDisk() {
        return disk.map(DiskSource::isMount).orElse(false);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name).append(' ').append(value);
        preReservedRole.ifPresent(r -> text.append(" pre-reserved:").append(r));
        reservation.ifPresent(r -> text.append(" reserved:").append(r.role())
                .append(r.resourceId().map(id -> "#" + id).orElse("")));
        disk.filter(DiskSource::isMount).ifPresent(d -> text.append(" mount:").append(d.root().orElse("")));
        volume.ifPresent(v -> text.append(" volume:").append(v.persistenceId()));
        return text.toString();
    }
}
