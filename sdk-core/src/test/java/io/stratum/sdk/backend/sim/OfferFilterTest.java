package io.stratum.sdk.backend.sim;

import static io.stratum.sdk.backend.sim.SimFixtures.cpus;
import static io.stratum.sdk.backend.sim.SimFixtures.launch;
import static io.stratum.sdk.backend.sim.SimFixtures.seconds;
import static io.stratum.sdk.backend.sim.SimFixtures.server;
import static io.stratum.sdk.backend.sim.SimFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskLaunch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decline filters, suppress and revive. */
class OfferFilterTest {
    private final SimFixtures.Started sim = started(2);

    private void declineAgentOne(long seconds) {
        Offer offer = sim.offer("agent-1");
        sim.cluster().decline(List.of(offer.id()), seconds(seconds));
    }

    private List<String> offeredAgents() {
        return sim.offers().stream().map(o -> o.agent().id()).toList();
    }

    @Test
    void aDeclinedAgentIsNotOfferedUntilTheRefuseTimeHasPassed() {
        declineAgentOne(60);

        assertThat(offeredAgents()).containsExactly("agent-2");
        sim.clock().advance(seconds(59));
        assertThat(offeredAgents()).containsExactly("agent-2");
        sim.clock().advance(seconds(1));
        assertThat(offeredAgents()).containsExactly("agent-1", "agent-2");
        assertThat(sim.cluster().declines()).singleElement().satisfies(d -> {
            assertThat(d.agentId()).isEqualTo("agent-1");
            assertThat(d.refuseFor()).isEqualTo(seconds(60));
        });
    }

    @Test
    void aDeclineWithoutRefuseTimeFiltersNothing() {
        declineAgentOne(0);

        assertThat(offeredAgents()).containsExactly("agent-1", "agent-2");
    }

    @Test
    void reviveClearsDeclineFilters() {
        declineAgentOne(3600);

        sim.cluster().revive();

        assertThat(offeredAgents()).containsExactly("agent-1", "agent-2");
        assertThat(sim.cluster().reviveCount()).isEqualTo(1);
    }

    @Test
    void resourcesFreedOnAnAgentLiftItsFilter() {
        Offer offer = sim.offer("agent-1");
        TaskLaunch task = server(cpus(1));
        sim.accept(offer, launch(offer, task));
        declineAgentOne(3600);

        sim.cluster().fail(task.taskId(), "exit 1");

        assertThat(offeredAgents()).containsExactly("agent-1", "agent-2");
    }

    @Test
    void nothingIsOfferedWhileSuppressedUnlessForced() {
        sim.cluster().suppress();

        assertThat(sim.cluster().sendOffers()).isEmpty();
        assertThat(sim.cluster().isSuppressed()).isTrue();
        assertThat(sim.cluster().sendOffers(true)).hasSize(2);
        sim.cluster().revive();
        assertThat(sim.cluster().isSuppressed()).isFalse();
        assertThat(sim.cluster().sendOffers()).hasSize(2);
        assertThat(sim.cluster().suppressCount()).isEqualTo(1);
    }

    @Test
    void decliningAStaleOfferIsIgnored() {
        Offer offer = sim.offer("agent-1");
        sim.offers();

        sim.cluster().decline(List.of(offer.id()), seconds(3600));

        assertThat(sim.cluster().declines()).isEmpty();
        assertThat(offeredAgents()).containsExactly("agent-1", "agent-2");
    }
}
