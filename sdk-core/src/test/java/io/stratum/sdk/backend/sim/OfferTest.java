package io.stratum.sdk.backend.sim;

import static io.stratum.sdk.backend.sim.SimFixtures.started;
import static io.stratum.sdk.backend.sim.SimFixtures.unreserved;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfferTest {

    @Test
    void offersHoldEveryAgentsUnreservedResources() {
        SimFixtures.Started sim = started(3);

        List<Offer> offers = sim.offers();

        assertThat(offers).extracting(o -> o.agent().id()).containsExactly("agent-1", "agent-2", "agent-3");
        Offer first = offers.get(0);
        assertThat(unreserved(first, "cpus")).isEqualTo(4);
        assertThat(unreserved(first, "mem")).isEqualTo(4096);
        assertThat(unreserved(first, "disk")).isEqualTo(10_000);
        assertThat(first.resources()).filteredOn(r -> r.name().equals("ports")).singleElement()
                .extracting(Resource::value).isEqualTo(ResourceValue.ranges(new Range(1000, 1010)));
        assertThat(first.resources()).allMatch(r -> r.reservation().isEmpty());
        assertThat(sim.listener().offerBatches).hasSize(1);
    }

    @Test
    void agentsCarryTheirFaultDomainAttributesMountDisksAndPreReservedResources() {
        SimClock clock = SimClock.create();
        SimCluster cluster = SimCluster.builder().withClock(clock)
                .agent(a -> a.hostname("db-1").zone("eu", "eu-a").attribute("rack", "r1").gpus(2)
                        .mountDisk("/mnt/ssd", 50_000, "ssd").resource(Resource.scalar("cpus", 2).withPreReservedRole("slave_public")))
                .build();

        Offer offer = SimFixtures.start(cluster, clock).offers().get(0);

        assertThat(offer.agent().hostname()).isEqualTo("db-1");
        assertThat(offer.agent().zone()).contains("eu-a");
        assertThat(offer.agent().region()).contains("eu");
        assertThat(offer.agent().attributeText("rack")).isEqualTo("r1");
        assertThat(unreserved(offer, "gpus")).isEqualTo(2);
        assertThat(offer.resources()).filteredOn(Resource::isMountDisk).singleElement()
                .satisfies(d -> assertThat(d.disk()).contains(DiskSource.mount("/mnt/ssd", "ssd")))
                .extracting(Resource::amount).isEqualTo(50_000.0);
        assertThat(offer.resources()).filteredOn(r -> r.preReservedRole().equals(Optional.of("slave_public")))
                .singleElement().extracting(Resource::amount).isEqualTo(2.0);
    }

    @Test
    void zonesAreSpreadRoundRobinOverAgentsWithoutOne() {
        SimCluster cluster = SimCluster.builder().agents(4, a -> { }).agent(a -> a.zone("other", "z9"))
                .withZones("r1", "z1", "z2", "z3").build();

        assertThat(cluster.agents()).extracting(a -> a.zone().orElseThrow()).containsExactly("z1", "z2", "z3", "z1", "z9");
    }

    @Test
    void sendingOffersAgainRescindsTheOutstandingOnes() {
        SimFixtures.Started sim = started(2);
        List<Offer> first = sim.offers();

        List<Offer> second = sim.offers();

        assertThat(sim.listener().rescinded).containsExactlyElementsOf(first.stream().map(Offer::id).toList());
        assertThat(second).extracting(Offer::id).doesNotContainAnyElementsOf(first.stream().map(Offer::id).toList());
        assertThat(sim.cluster().outstandingOffers()).containsExactlyElementsOf(second);
    }

    @Test
    void nothingIsOfferedBeforeTheSchedulerStarts() {
        DefaultSimCluster cluster = (DefaultSimCluster) SimCluster.builder().agents(2, a -> { }).build();

        assertThat(cluster.sendOffers()).isEmpty();
        assertThat(cluster.queued()).isZero();
    }

    @Test
    void closingForgetsOffersAndStopsEvents() {
        SimFixtures.Started sim = started(1);
        sim.cluster().sendOffers();

        sim.cluster().close();

        assertThat(sim.cluster().outstandingOffers()).isEmpty();
        assertThat(sim.cluster().deliver()).isZero();
        assertThat(sim.listener().offerBatches).isEmpty();
    }
}
