package io.stratum.sdk.backend.sim;

import static io.stratum.sdk.backend.sim.SimFixtures.cpus;
import static io.stratum.sdk.backend.sim.SimFixtures.launch;
import static io.stratum.sdk.backend.sim.SimFixtures.mem;
import static io.stratum.sdk.backend.sim.SimFixtures.reserve;
import static io.stratum.sdk.backend.sim.SimFixtures.reserved;
import static io.stratum.sdk.backend.sim.SimFixtures.reservedIn;
import static io.stratum.sdk.backend.sim.SimFixtures.seconds;
import static io.stratum.sdk.backend.sim.SimFixtures.server;
import static io.stratum.sdk.backend.sim.SimFixtures.started;
import static io.stratum.sdk.backend.sim.SimFixtures.task;
import static io.stratum.sdk.backend.sim.SimFixtures.unreserved;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.sim.SimCluster.OperationError;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.Goal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LAUNCH_GROUP: what a launch may use, what it holds while it runs, and what a refused launch reports. */
class LaunchTest {
    private final SimFixtures.Started sim = started(1);

    /** Reserves cpus and mem as r-cpus and r-mem and launches node-0-server on them in the same accept. */
    private TaskLaunch launchOnReservations() {
        Offer offer = sim.offer("agent-1");
        TaskLaunch server = server(reserved(cpus(1), "r-cpus"), reserved(mem(512), "r-mem"));
        sim.accept(offer, reserve(offer, cpus(1), "r-cpus"), reserve(offer, mem(512), "r-mem"), launch(offer, server));
        return server;
    }

    @Test
    void aRunningTasksReservationsAreNotOffered() {
        launchOnReservations();

        Offer next = sim.offer("agent-1");

        assertThat(reservedIn(next, "r-cpus")).isEmpty();
        assertThat(reservedIn(next, "r-mem")).isEmpty();
        assertThat(unreserved(next, "cpus")).isEqualTo(3);
        assertThat(sim.cluster().offerable("agent-1")).containsExactlyInAnyOrderElementsOf(next.resources());
    }

    @Test
    void reservationsAreOfferedAgainWithTheirLabelsOnceTheTaskEnds() {
        TaskLaunch server = launchOnReservations();

        sim.cluster().kill(server.taskId(), seconds(30));
        sim.cluster().deliver();
        Offer next = sim.offer("agent-1");

        assertThat(reservedIn(next, "r-cpus")).get().extracting(r -> r.reservation().orElseThrow().labels())
                .isEqualTo(reserved(cpus(1), "r-cpus").reservation().orElseThrow().labels());
        assertThat(reservedIn(next, "r-mem")).isPresent();
    }

    @Test
    void aTaskCanRunOnUnreservedResourcesWhichComeBackWhenItEnds() {
        Offer offer = sim.offer("agent-1");
        TaskLaunch server = server(cpus(3), mem(1000));

        sim.accept(offer, launch(offer, server));
        assertThat(unreserved(sim.offer("agent-1"), "cpus")).isEqualTo(1);
        sim.cluster().fail(server.taskId(), "boom");

        assertThat(unreserved(sim.offer("agent-1"), "cpus")).isEqualTo(4);
    }

    @Test
    void aLaunchAskingForMoreThanTheOfferHoldsFailsWithError() {
        Offer offer = sim.offer("agent-1");
        TaskLaunch a = task(0, "a", Goal.RUNNING, false, cpus(2));
        TaskLaunch b = task(0, "b", Goal.RUNNING, false, cpus(3));

        sim.accept(offer, launch(offer, a, b));

        assertThat(sim.listener().states(a.taskId())).containsExactly(TaskState.ERROR);
        assertThat(sim.listener().last(b.taskId()).status().message()).contains("insufficient resources")
                .contains("cpus 2 < 3");
        assertThat(sim.listener().last(b.taskId()).ackId()).isEmpty();
        assertThat(sim.cluster().tasks()).isEmpty();
        assertThat(unreserved(sim.offer("agent-1"), "cpus")).as("a group launches all or nothing").isEqualTo(4);
    }

    @Test
    void aReservationInUseCannotBeLaunchedOnAgain() {
        launchOnReservations();
        Offer offer = sim.offer("agent-1");
        TaskLaunch second = task(1, "server", Goal.RUNNING, false, reserved(cpus(1), "r-cpus"));

        sim.accept(offer, launch(offer, second));

        assertThat(sim.listener().last(second.taskId()).status()).satisfies(s -> {
            assertThat(s.state()).isEqualTo(TaskState.ERROR);
            assertThat(s.message()).contains("reservation r-cpus").contains("in use by task node-0-server__1");
        });
    }

    @Test
    void acceptingAStaleOfferDropsTheLaunchedTasksAndAppliesNothing() {
        Offer stale = sim.offer("agent-1");
        sim.offers();
        TaskLaunch server = server(reserved(cpus(1), "r-cpus"));

        sim.accept(stale, reserve(stale, cpus(1), "r-cpus"), launch(stale, server));

        assertThat(sim.listener().last(server.taskId()).status()).satisfies(s -> {
            assertThat(s.state()).isEqualTo(TaskState.DROPPED);
            assertThat(s.message()).isEqualTo("offer no longer valid: " + stale.id());
        });
        assertThat(sim.cluster().reservations("agent-1")).isEmpty();
        assertThat(sim.cluster().operationsApplied().refused()).isEqualTo(2);
    }

    @Test
    void anOfferIsUsedUpByItsFirstAccept() {
        Offer offer = sim.offer("agent-1");
        sim.accept(offer, launch(offer, server(cpus(1))));
        TaskLaunch again = task(1, "server", Goal.RUNNING, false, cpus(1));

        sim.accept(offer, launch(offer, again));

        assertThat(sim.listener().states(again.taskId())).containsExactly(TaskState.DROPPED);
    }

    @Test
    void aTaskIdIsNeverLaunchedTwice() {
        Offer offer = sim.offer("agent-1");
        sim.accept(offer, launch(offer, server(cpus(1))));
        Offer next = sim.offer("agent-1");

        sim.accept(next, launch(next, server(cpus(1))));

        assertThat(sim.cluster().errors()).singleElement().extracting(OperationError::message).asString()
                .contains("task id node-0-server__1 is in use already");
        assertThat(sim.cluster().launched()).hasSize(1);
    }

    @Test
    void aReservationSharedByAGroupIsHeldUntilItsLastTaskEnds() {
        Offer offer = sim.offer("agent-1");
        TaskLaunch a = task(0, "a", Goal.RUNNING, false, reserved(cpus(1), "shared"));
        TaskLaunch b = task(0, "b", Goal.RUNNING, false, reserved(cpus(1), "shared"));
        sim.accept(offer, reserve(offer, cpus(1), "shared"), launch(offer, a, b));

        sim.cluster().fail(a.taskId(), "a dies");
        assertThat(reservedIn(sim.offer("agent-1"), "shared")).isEmpty();
        sim.cluster().fail(b.taskId(), "b dies");

        assertThat(reservedIn(sim.offer("agent-1"), "shared")).isPresent();
        assertThat(sim.cluster().launched()).extracting(TaskLaunch::taskId).containsExactly(a.taskId(), b.taskId());
        assertThat(sim.cluster().liveTasks()).isEmpty();
    }

    @Test
    void theLaunchMustNameTheOffersAgent() {
        Offer offer = sim.offer("agent-1");
        TaskLaunch server = server(cpus(1));

        sim.accept(offer, new io.stratum.sdk.backend.Operation.Launch(offer.id(), "agent-9", "node-0",
                List.of(server), List.of()));

        assertThat(sim.listener().last(server.taskId()).status().message())
                .contains("the launch is for agent agent-9 but the offer is from agent-1");
    }

    @Test
    void aLaunchExpectingAVolumeTheReservationDoesNotCarryIsRefused() {
        Offer offer = sim.offer("agent-1");
        Resource disk = reserved(SimFixtures.disk(100), "r-disk");
        TaskLaunch task = server(disk.withVolume(new PersistentVolume("vol-1", "data")));

        sim.accept(offer, reserve(offer, SimFixtures.disk(100), "r-disk"), launch(offer, task));

        assertThat(sim.listener().last(task.taskId()).status().message())
                .contains("volume vol-1 is not on reservation r-disk");
        assertThat(sim.cluster().operationsApplied().reserves()).as("the reserve still applies").isEqualTo(1);
    }
}
