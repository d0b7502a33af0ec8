package io.stratum.sdk.backend.sim;

import static io.stratum.sdk.backend.sim.SimFixtures.cpus;
import static io.stratum.sdk.backend.sim.SimFixtures.launch;
import static io.stratum.sdk.backend.sim.SimFixtures.seconds;
import static io.stratum.sdk.backend.sim.SimFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.backend.Offer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When events reach the listener: on deliver(), or at the end of each call with auto-delivery. */
class DeliveryTest {
    private final SimClock clock = SimClock.create();

    @Test
    void nothingReachesTheListenerUntilDeliver() {
        DefaultSimCluster cluster = (DefaultSimCluster) SimFixtures.builder(2, clock).build();
        RecordingListener listener = new RecordingListener();

        cluster.start(Optional.empty(), listener);
        cluster.sendOffers();
        assertThat(listener.events).isEmpty();
        assertThat(cluster.queued()).isEqualTo(2);

        assertThat(cluster.deliver()).isEqualTo(2);
        assertThat(listener.events).containsExactly("registered sim-framework-1", "offers 2");
        assertThat(cluster.deliver()).isZero();
    }

    @Test
    void eventsCausedWhileDeliveringAreDeliveredByTheSameDelivery() {
        SimCluster cluster = SimFixtures.builder(1, clock).build();
        RecordingListener listener = new RecordingListener().onOffers(offers -> {
            Offer offer = offers.get(0);
            cluster.accept(List.of(offer.id()), List.of(launch(offer, server(cpus(1)))));
        });
        cluster.start(Optional.empty(), listener);
        cluster.sendOffers();

        cluster.deliver();

        assertThat(listener.events).containsExactly("registered sim-framework-1", "offers 1",
                "status node-0-server__1 STARTING", "status node-0-server__1 RUNNING");
    }

    @Test
    void autoDeliveryDeliversAtTheEndOfEachCallAndIsReentrantSafe() {
        DefaultSimCluster cluster = (DefaultSimCluster) SimFixtures.builder(1, clock).withAutoDeliver(true).build();
        RecordingListener listener = new RecordingListener();
        listener.onOffers(offers -> cluster.accept(List.of(offers.get(0).id()),
                List.of(launch(offers.get(0), server(cpus(1))))));
        listener.onUpdate(update -> {
            cluster.acknowledge(update);
            if (update.status().state() == io.stratum.sdk.backend.TaskState.RUNNING) {
                cluster.kill(update.taskId(), seconds(5));
            }
        });

        cluster.start(Optional.empty(), listener);
        assertThat(listener.events).containsExactly("registered sim-framework-1");
        cluster.sendOffers();

        assertThat(listener.events).containsExactly("registered sim-framework-1", "offers 1",
                "status node-0-server__1 STARTING", "status node-0-server__1 RUNNING",
                "status node-0-server__1 KILLING", "status node-0-server__1 KILLED");
        assertThat(cluster.queued()).isZero();
        assertThat(cluster.unacknowledged()).isEmpty();
    }

    @Test
    void aDeliveryThatNeverEndsIsStopped() {
        SimCluster cluster = SimFixtures.builder(1, clock).withMaxEventsPerDelivery(100).build();
        RecordingListener listener = new RecordingListener().onOffers(offers -> cluster.sendOffers());
        cluster.start(Optional.empty(), listener);
        cluster.sendOffers();

        assertThatThrownBy(cluster::deliver).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more than 100 events in one delivery");
    }
}
