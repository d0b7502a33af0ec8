package io.stratum.sdk.backend.sim;

import static io.stratum.sdk.backend.sim.SimFixtures.cpus;
import static io.stratum.sdk.backend.sim.SimFixtures.launch;
import static io.stratum.sdk.backend.sim.SimFixtures.reserve;
import static io.stratum.sdk.backend.sim.SimFixtures.reserved;
import static io.stratum.sdk.backend.sim.SimFixtures.reservedIn;
import static io.stratum.sdk.backend.sim.SimFixtures.server;
import static io.stratum.sdk.backend.sim.SimFixtures.started;
import static io.stratum.sdk.backend.TaskState.FAILED;
import static io.stratum.sdk.backend.TaskState.LOST;
import static io.stratum.sdk.backend.TaskState.RUNNING;
import static io.stratum.sdk.backend.TaskState.STARTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskLaunch;
import org.junit.jupiter.api.Test;

/** Agents lost for good, and agents restarted with their checkpointed reservations. */
class AgentLossTest {
    private final SimFixtures.Started sim = started(2);

    private TaskLaunch runOnAgentOne() {
        Offer offer = sim.offer("agent-1");
        TaskLaunch task = server(reserved(cpus(1), "r-cpus"));
        sim.accept(offer, reserve(offer, cpus(1), "r-cpus"), launch(offer, task));
        return task;
    }

    @Test
    void aLostAgentLosesItsTasksThenIsReportedLost() {
        TaskLaunch task = runOnAgentOne();
        Offer outstanding = sim.cluster().sendOffers().get(0);

        sim.cluster().loseAgent("agent-1");
        sim.cluster().deliver();

        assertThat(sim.listener().states(task.taskId())).containsExactly(STARTING, RUNNING, LOST);
        assertThat(sim.listener().last(task.taskId()).ackId()).as("the master reports it").isEmpty();
        assertThat(sim.listener().events.subList(sim.listener().events.size() - 3, sim.listener().events.size()))
                .containsExactly("rescinded " + outstanding.id(), "status " + task.taskId() + " LOST", "agentLost agent-1");
        assertThat(sim.cluster().lostAgents()).containsExactly("agent-1");
    }

    @Test
    void aLostAgentNeverOffersAgain() {
        runOnAgentOne();

        sim.cluster().loseAgent("agent-1");

        assertThat(sim.offers()).extracting(o -> o.agent().id()).containsExactly("agent-2");
        assertThat(sim.cluster().reservations("agent-1")).as("still visible").hasSize(1);
    }

    @Test
    void aRestartedAgentFailsItsTasksButOffersItsReservationsAgain() {
        TaskLaunch task = runOnAgentOne();

        sim.cluster().restartAgent("agent-1");
        sim.cluster().deliver();

        assertThat(sim.listener().states(task.taskId())).containsExactly(STARTING, RUNNING, FAILED);
        assertThat(sim.listener().last(task.taskId()).status().message()).contains("restarted");
        assertThat(reservedIn(sim.offer("agent-1"), "r-cpus")).isPresent();
    }

    @Test
    void unknownAgentsAreRefused() {
        assertThatThrownBy(() -> sim.cluster().loseAgent("agent-9")).isInstanceOf(IllegalArgumentException.class);
        sim.cluster().loseAgent("agent-2");
        assertThatThrownBy(() -> sim.cluster().restartAgent("agent-2")).isInstanceOf(IllegalStateException.class);
    }
}
