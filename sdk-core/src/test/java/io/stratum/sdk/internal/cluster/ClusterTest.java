package io.stratum.sdk.internal.cluster;

import static io.stratum.sdk.internal.cluster.ClusterFixture.reserved;
import static io.stratum.sdk.internal.cluster.ClusterFixture.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Resource operations on an agent's ledger, and what the agent then offers. */
class ClusterTest {
    private final ClusterFixture agent = new ClusterFixture(Resource.scalar(Resource.CPUS, 4),
            Resource.scalar(Resource.MEM, 4096), Resource.scalar(Resource.DISK, 8192), Resource.ports(new Range(21_000, 21_009)));

    private static double free(ClusterFixture fixture, String role, String name) {
        return fixture.agent.offerable().stream().filter(r -> r.reservation().isEmpty() && r.name().equals(name)
                && r.preReservedRole().equals(java.util.Optional.ofNullable(role)) && !r.isMountDisk())
                .mapToDouble(Resource::amount).sum();
    }

    @Test
    void aReservationTakesFreeResourcesAndIsOfferedAsReserved() {
        Resource cpus = reserved(Resource.scalar(Resource.CPUS, 1.5), "r1");
        Resource port = reserved(Resource.ports(Range.of(21_003)), "r2");

        assertThat(agent.apply(o -> new Operation.Reserve(o, cpus))).isNull();
        assertThat(agent.apply(o -> new Operation.Reserve(o, port))).isNull();

        assertThat(agent.agent.offerable()).contains(cpus, port, Resource.scalar(Resource.CPUS, 2.5),
                Resource.ports(new Range(21_000, 21_002), new Range(21_004, 21_009)));
        agent.agent.use("db-0-server__1", "db-0", Set.of("r1"), List.of());
        assertThat(agent.agent.offerable()).doesNotContain(cpus).contains(port);
    }

    @Test
    void moreThanIsFreeIsRefusedAndChangesNothing() {
        assertThat(agent.apply(o -> new Operation.Reserve(o, reserved(Resource.scalar(Resource.MEM, 5000), "r1"))))
                .contains("mem 4096 < 5000");
        assertThat(agent.apply(o -> new Operation.Reserve(o, reserved(Resource.ports(Range.of(80)), "r2"))))
                .contains("not among");
        assertThat(agent.apply(o -> new Operation.Reserve(o, reserved(Resource.mountDisk(100, DiskSource.mount("/mnt/a")),
                "r3")))).contains("MOUNT");

        assertThat(agent.agent.reservations()).isEmpty();
    }

    @Test
    void reservingUnderAnExistingIdGrowsItAndAPartialUnreserveShrinksIt() {
        Resource mem = reserved(Resource.scalar(Resource.MEM, 1024), "r1");
        agent.apply(o -> new Operation.Reserve(o, mem));

        agent.apply(o -> new Operation.Reserve(o, mem.withValue(ResourceValue.scalar(512))));
        assertThat(agent.agent.reservations()).containsExactly(mem.withValue(ResourceValue.scalar(1536)));

        agent.apply(o -> new Operation.Unreserve(o, mem.withValue(ResourceValue.scalar(1024))));
        assertThat(agent.agent.reservations()).containsExactly(mem.withValue(ResourceValue.scalar(512)));
        assertThat(free(agent, null, Resource.MEM)).isEqualTo(3584);

        agent.apply(o -> new Operation.Unreserve(o, mem.withValue(ResourceValue.scalar(512))));
        assertThat(agent.agent.reservations()).isEmpty();
    }

    @Test
    void aReservationIsRefusedUnderAnIdReservedDifferently() {
        agent.apply(o -> new Operation.Reserve(o, reserved(Resource.scalar(Resource.DISK, 512), "disk-1")));
        Resource other = Resource.scalar(Resource.DISK, 1).withReservation(new Reservation("other-role", "p",
                Map.of(Reservation.RESOURCE_ID, "disk-1")));

        assertThat(agent.apply(o -> new Operation.Reserve(o, other))).contains("is reserved already");
        assertThat(agent.agent.reservations()).singleElement().extracting(Resource::amount).isEqualTo(512.0);
    }

    @Test
    void aVolumeNeedsAReservationAndHoldsItUntilDestroyed() {
        Resource disk = reserved(Resource.scalar(Resource.DISK, 64), "r1");
        Resource withVolume = disk.withVolume(new PersistentVolume("db-0-data__1", "data"));
        assertThat(agent.apply(o -> new Operation.CreateVolume(o, withVolume))).contains("no reservation r1");
        agent.apply(o -> new Operation.Reserve(o, disk));
        agent.apply(o -> new Operation.CreateVolume(o, withVolume));

        assertThat(agent.agent.offerable()).contains(withVolume);
        assertThat(agent.agent.volume("db-0-data__1")).contains(withVolume);
        assertThat(agent.apply(o -> new Operation.Unreserve(o, disk))).contains("destroy it first");
        agent.agent.use("db-0-server__1", "db-0", Set.of("r1"), List.of());
        assertThat(agent.apply(o -> new Operation.DestroyVolume(o, withVolume))).contains("in use");
        agent.cluster.release("agent-1", "db-0-server__1");

        assertThat(agent.apply(o -> new Operation.DestroyVolume(o, withVolume))).isNull();
        assertThat(agent.apply(o -> new Operation.Unreserve(o, disk))).isNull();
        assertThat(agent.agent.offerable()).noneMatch(r -> r.reservation().isPresent());
        assertThat(agent.apply(o -> new Operation.Unreserve(o, disk))).contains("no reservation r1");
    }

    @Test
    void reservationsInUseOrUnknownCannotBeUnreserved() {
        Resource cpus = reserved(Resource.scalar(Resource.CPUS, 1), "r1");
        agent.apply(o -> new Operation.Reserve(o, cpus));
        agent.agent.use("db-0-server__1", "db-0", Set.of("r1"), List.of());

        assertThat(agent.apply(o -> new Operation.Unreserve(o, cpus))).contains("in use by task db-0-server__1");
        assertThat(agent.apply(o -> new Operation.Unreserve(o, reserved(Resource.scalar(Resource.CPUS, 1), "r9"))))
                .contains("no reservation r9");
        assertThat(agent.agent.reservations()).containsExactly(cpus);
    }

    @Test
    void aMountDiskIsReservedWholeAndOnlyOnce() {
        Resource mount = Resource.mountDisk(100, DiskSource.mount("/mnt/a"));
        ClusterFixture withDisk = new ClusterFixture(Resource.scalar(Resource.DISK, 8192), mount);

        assertThat(withDisk.apply(o -> new Operation.Reserve(o, reserved(mount.withValue(ResourceValue.scalar(50)), "m1"))))
                .contains("is taken whole, not 50");
        assertThat(withDisk.apply(o -> new Operation.Reserve(o, reserved(mount, "m1")))).isNull();
        assertThat(withDisk.apply(o -> new Operation.Reserve(o, reserved(mount, "m2")))).contains("no unreserved MOUNT disk");

        assertThat(withDisk.agent.offerable()).filteredOn(r -> r.isMountDisk() && r.reservation().isEmpty()).isEmpty();
        assertThat(free(withDisk, null, Resource.DISK)).as("the root disk is untouched").isEqualTo(8192);
        assertThat(withDisk.agent.offerable()).contains(reserved(mount, "m1"));
    }

    @Test
    void aPreReservedReservationTakesFromItsRoleOnly() {
        ClusterFixture withRole = new ClusterFixture(Resource.scalar(Resource.CPUS, 3),
                Resource.scalar(Resource.CPUS, 1).withPreReservedRole("r"));
        Resource cpus = reserved(Resource.scalar(Resource.CPUS, 0.75).withPreReservedRole("r"), "p1");

        assertThat(withRole.apply(o -> new Operation.Reserve(o, cpus))).isNull();

        assertThat(free(withRole, null, Resource.CPUS)).isEqualTo(3);
        assertThat(free(withRole, "r", Resource.CPUS)).isEqualTo(0.25);
        assertThat(withRole.agent.offerable()).contains(cpus);
        assertThat(withRole.apply(o -> new Operation.Reserve(o,
                reserved(Resource.scalar(Resource.CPUS, 0.5).withPreReservedRole("r"), "p2")))).contains("for role r");
    }

    @Test
    void whatIsFreeDoesNotDependOnTheOrderOfReservations() {
        ClusterFixture other = new ClusterFixture(Resource.scalar(Resource.CPUS, 4));
        double[] amounts = {0.1, 0.2, 0.3, 0.7};
        for (int i = 0; i < amounts.length; i++) {
            double forward = amounts[i];
            double backward = amounts[amounts.length - 1 - i];
            String id = "r" + i;
            agent.apply(o -> new Operation.Reserve(o, reserved(Resource.scalar(Resource.CPUS, forward), id)));
            other.apply(o -> new Operation.Reserve(o, reserved(Resource.scalar(Resource.CPUS, backward), id)));
        }

        assertThat(free(agent, null, Resource.CPUS)).isEqualTo(free(other, null, Resource.CPUS)).isEqualTo(2.7);
    }

    @Test
    void aLaunchMayShareReservationsWithLiveTasksOfItsPodInstanceOnly() {
        Resource executor = reserved(Resource.scalar(Resource.CPUS, 0.1), "exec");
        agent.apply(o -> new Operation.Reserve(o, executor));
        agent.agent.use("db-0-init__1", "db-0", Set.of("exec"), List.of());

        assertThat(agent.launch(task("db-1", executor))).contains("reservation exec").contains("in use by task db-0-init__1");
        assertThat(agent.launch(task("db-0", executor))).isNull();
        assertThat(agent.agent.reservationsOf("db-0-server__1")).containsExactly("exec");
        agent.cluster.release("agent-1", "db-0-init__1");
        assertThat(agent.agent.offerable()).as("still held by the new task").doesNotContain(executor);
    }

    @Test
    void unreservedResourcesALaunchTakesAreHeldUntilItsTaskIsReleased() {
        assertThat(agent.launch(task("db-0", Resource.scalar(Resource.CPUS, 3)))).isNull();
        assertThat(free(agent, null, Resource.CPUS)).isEqualTo(1);

        agent.cluster.release("agent-1", "db-0-server__1");

        assertThat(free(agent, null, Resource.CPUS)).isEqualTo(4);
        assertThat(agent.launch(task("db-0", Resource.scalar(Resource.CPUS, 1)))).contains("in use already");
    }
}
