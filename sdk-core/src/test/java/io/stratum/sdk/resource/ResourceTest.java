package io.stratum.sdk.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceTest {

    @Test
    void reservationCarriesItsResourceIdLabel() {
        Resource reserved = Resource.scalar(Resource.CPUS, 2)
                .withReservation(Reservation.of("role", "principal", "id-1").withLabel(Reservation.RESOURCE_SET, "s"));

        assertThat(reserved.resourceId()).contains("id-1");
        assertThat(reserved.reservation().orElseThrow().label(Reservation.RESOURCE_SET)).contains("s");
        assertThat(reserved.withoutReservation().reservation()).isEmpty();
        assertThat(reserved).hasToString("cpus 2 reserved:role#id-1");
    }

    @Test
    void mountDiskCarriesItsSourceAndVolume() {
        Resource disk = Resource.mountDisk(1000, DiskSource.mount("/mnt/a", "ssd"))
                .withVolume(new PersistentVolume("p-1", "data"));

        assertThat(disk.isMountDisk()).isTrue();
        assertThat(disk.amount()).isEqualTo(1000);
        assertThat(disk.withoutVolume().volume()).isEmpty();
        assertThat(disk).hasToString("disk 1000 mount:/mnt/a volume:p-1");
        assertThat(Resource.scalar(Resource.DISK, 5).withDisk(DiskSource.rootDisk()).isMountDisk()).isFalse();
    }

    @Test
    void onlyDiskHasADiskSourceOrVolume() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Resource.scalar(Resource.MEM, 1).withDisk(DiskSource.mount("/mnt")))
                .withMessage("only disk has a disk source or volume, not mem");
        assertThatIllegalArgumentException().isThrownBy(() -> new DiskSource(DiskSource.Type.ROOT,
                java.util.Optional.of("/x"), java.util.Optional.empty()));
    }

    @Test
    void preReservedRoleIsKeptThroughReservation() {
        Resource r = Resource.ports(new Range(1, 2)).withPreReservedRole("public")
                .withReservation(new Reservation("role", "p", Map.of()));

        assertThat(r.preReservedRole()).contains("public");
        assertThat(r.resourceId()).isEmpty();
        assertThat(r.amount()).isZero();
    }

    @Test
    void blankNamesAndRolesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Resource.scalar(" ", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Reservation.of("", "p", "id"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PersistentVolume("id", " "));
    }
}
