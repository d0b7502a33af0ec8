package io.stratum.sdk.backend.sim;

import static io.stratum.sdk.backend.sim.SimFixtures.cpus;
import static io.stratum.sdk.backend.sim.SimFixtures.disk;
import static io.stratum.sdk.backend.sim.SimFixtures.mem;
import static io.stratum.sdk.backend.sim.SimFixtures.port;
import static io.stratum.sdk.backend.sim.SimFixtures.reserve;
import static io.stratum.sdk.backend.sim.SimFixtures.reserved;
import static io.stratum.sdk.backend.sim.SimFixtures.reservedIn;
import static io.stratum.sdk.backend.sim.SimFixtures.started;
import static io.stratum.sdk.backend.sim.SimFixtures.unreserved;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.sim.SimCluster.OperationError;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RESERVE, CREATE, UNRESERVE and DESTROY, and how their results show in later offers. */
class ReservationTest {
    private final SimFixtures.Started sim = started(1);
    private static final PersistentVolume VOLUME = new PersistentVolume("node-0-data__1", "data");

    private Offer reserveDiskWithVolume() {
        Offer offer = sim.offer("agent-1");
        sim.accept(offer, reserve(offer, cpus(1), "r-cpus"), reserve(offer, disk(1000), "r-disk"),
                new Operation.CreateVolume(offer.id(), reserved(disk(1000), "r-disk").withVolume(VOLUME)));
        return sim.offer("agent-1");
    }

    @Test
    void reservedResourcesComeBackWithTheirLabelsInLaterOffers() {
        Offer offer = sim.offer("agent-1");

        sim.accept(offer, reserve(offer, cpus(1.5), "r-cpus"), reserve(offer, port(1005), "r-port"));
        Offer next = sim.offer("agent-1");

        assertThat(reservedIn(next, "r-cpus")).get().satisfies(r -> {
            assertThat(r.amount()).isEqualTo(1.5);
            assertThat(r.reservation().orElseThrow().role()).isEqualTo(SimFixtures.ROLE);
            assertThat(r.reservation().orElseThrow().label(Reservation.POD_INSTANCE)).contains("node-0");
        });
        assertThat(reservedIn(next, "r-port")).get().extracting(Resource::value).isEqualTo(port(1005).value());
        assertThat(unreserved(next, "cpus")).isEqualTo(2.5);
        assertThat(next.resources()).filteredOn(r -> r.name().equals("ports") && r.reservation().isEmpty())
                .singleElement().extracting(Resource::value).hasToString("[[1000-1004], [1006-1010]]");
        assertThat(sim.cluster().reservations("agent-1")).extracting(r -> r.resourceId().orElseThrow())
                .containsExactly("r-cpus", "r-port");
    }

    @Test
    void createdVolumeIsOfferedOnItsReservation() {
        Offer next = reserveDiskWithVolume();

        assertThat(reservedIn(next, "r-disk")).get().extracting(r -> r.volume().orElseThrow()).isEqualTo(VOLUME);
        assertThat(sim.cluster().volumes("agent-1")).singleElement().extracting(Resource::resourceId)
                .isEqualTo(Optional.of("r-disk"));
        assertThat(unreserved(next, "disk")).isEqualTo(9000);
        assertThat(sim.cluster().operationsApplied().creates()).isEqualTo(1);
    }

    @Test
    void destroyThenUnreserveGivesEverythingBack() {
        Offer offer = reserveDiskWithVolume();
        Resource held = reservedIn(offer, "r-disk").orElseThrow();

        sim.accept(offer, new Operation.DestroyVolume(offer.id(), held),
                new Operation.Unreserve(offer.id(), held.withoutVolume()),
                new Operation.Unreserve(offer.id(), reservedIn(offer, "r-cpus").orElseThrow()));
        Offer next = sim.offer("agent-1");

        assertThat(next.resources()).allMatch(r -> r.reservation().isEmpty());
        assertThat(unreserved(next, "cpus")).isEqualTo(4);
        assertThat(unreserved(next, "disk")).isEqualTo(10_000);
        assertThat(sim.cluster().reservations("agent-1")).isEmpty();
        assertThat(sim.cluster().operationsApplied()).extracting(OperationCounts::destroys, OperationCounts::unreserves)
                .containsExactly(1L, 2L);
        assertThat(sim.cluster().errors()).isEmpty();
    }

    @Test
    void destroyingAnUnknownVolumeIsRefusedAndIgnored() {
        Offer offer = reserveDiskWithVolume();
        Resource other = reserved(disk(1000), "r-disk").withVolume(new PersistentVolume("nope", "data"));

        sim.accept(offer, new Operation.DestroyVolume(offer.id(), other));

        assertThat(sim.cluster().errors()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("DESTROY");
            assertThat(e.message()).contains("no volume nope");
        });
        assertThat(sim.cluster().volumes("agent-1")).hasSize(1);
        assertThat(sim.cluster().operationsApplied().refused()).isEqualTo(1);
    }

    @Test
    void aDiskCarryingAVolumeIsNotUnreservedBeforeTheVolumeIsDestroyed() {
        Offer offer = reserveDiskWithVolume();

        sim.accept(offer, new Operation.Unreserve(offer.id(), reserved(disk(1000), "r-disk")));

        assertThat(sim.cluster().errors()).singleElement().extracting(OperationError::message).asString()
                .contains("carries volume node-0-data__1: destroy it first");
        assertThat(sim.cluster().reservations("agent-1")).hasSize(2);
    }

    @Test
    void reservingMoreThanTheOfferHoldsIsRefusedWhileTheRestApplies() {
        Offer offer = sim.offer("agent-1");

        sim.accept(offer, reserve(offer, cpus(8), "too-much"), reserve(offer, mem(1024), "r-mem"));

        assertThat(sim.cluster().errors()).singleElement().extracting(OperationError::message).asString()
                .contains("cpus 4 < 8");
        assertThat(sim.cluster().reservations("agent-1")).extracting(r -> r.resourceId().orElseThrow())
                .containsExactly("r-mem");
    }

    @Test
    void reservationsGrowAndShrinkUnderTheirResourceId() {
        Offer offer = sim.offer("agent-1");
        sim.accept(offer, reserve(offer, cpus(1), "r-cpus"));
        Offer second = sim.offer("agent-1");

        sim.accept(second, reserve(second, cpus(0.5), "r-cpus"));
        assertThat(reservedIn(sim.offer("agent-1"), "r-cpus")).get().extracting(Resource::amount).isEqualTo(1.5);
        Offer third = sim.cluster().outstandingOffers().get(0);
        sim.accept(third, new Operation.Unreserve(third.id(), reserved(cpus(1), "r-cpus")));

        Offer last = sim.offer("agent-1");
        assertThat(reservedIn(last, "r-cpus")).get().extracting(Resource::amount).isEqualTo(0.5);
        assertThat(unreserved(last, "cpus")).isEqualTo(3.5);
    }

    @Test
    void aMountDiskIsReservedAndGivenBackWhole() {
        SimClock clock = SimClock.create();
        SimFixtures.Started mounted = SimFixtures.start(SimCluster.builder().withClock(clock)
                .agent(a -> a.mountDisk("/mnt/a", 2000)).build(), clock);
        Offer offer = mounted.offer("agent-1");
        Resource mount = offer.resources().stream().filter(Resource::isMountDisk).findFirst().orElseThrow();

        mounted.accept(offer, reserve(offer, mount, "r-mount"));
        Offer next = mounted.offer("agent-1");
        assertThat(reservedIn(next, "r-mount")).get().satisfies(r -> assertThat(r.isMountDisk()).isTrue());
        assertThat(next.resources()).filteredOn(r -> r.isMountDisk() && r.reservation().isEmpty()).isEmpty();
        mounted.accept(next, new Operation.Unreserve(next.id(), reservedIn(next, "r-mount").orElseThrow()));

        assertThat(mounted.offer("agent-1").resources()).filteredOn(Resource::isMountDisk).singleElement()
                .satisfies(r -> assertThat(r.reservation()).isEmpty())
                .extracting(Resource::value).isEqualTo(ResourceValue.scalar(2000));
    }

    @Test
    void preReservedResourcesAreReservedFromAndGivenBackToTheirRole() {
        SimClock clock = SimClock.create();
        SimFixtures.Started pre = SimFixtures.start(SimCluster.builder().withClock(clock)
                .agent(a -> a.cpus(1).resource(cpus(2).withPreReservedRole("slave_public"))).build(), clock);
        Offer offer = pre.offer("agent-1");
        Resource fromRole = cpus(2).withPreReservedRole("slave_public");

        pre.accept(offer, reserve(offer, fromRole, "r-pre"));
        Offer next = pre.offer("agent-1");
        assertThat(next.resources()).filteredOn(r -> r.reservation().isEmpty())
                .extracting(Resource::preReservedRole).containsOnly(Optional.empty());
        assertThat(reservedIn(next, "r-pre")).get().extracting(Resource::preReservedRole)
                .isEqualTo(Optional.of("slave_public"));
        pre.accept(next, new Operation.Unreserve(next.id(), reservedIn(next, "r-pre").orElseThrow()));

        assertThat(pre.offer("agent-1").resources()).filteredOn(r -> r.preReservedRole().isPresent()).singleElement()
                .extracting(Resource::amount).isEqualTo(2.0);
    }
}
