package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ZooKeeper server restarts under a working client. */
class ServerRestartIT {
    @RegisterExtension
    static final ZooKeeperExtension ZK = new ZooKeeperExtension();

    @Test
    void stateSurvivesAServerRestartAndTheClientCarriesOn() throws Exception {
        String service = ZooKeeperExtension.uniqueService();
        ZooKeeperClient client = ZK.client(service);
        StateStore store = StateStore.of(client.persister());
        store.storeTasks(List.of(StateFixtures.task("hello", 0)));

        ZK.server().stop();
        CompletableFuture<Void> writeWhileDown = CompletableFuture.runAsync(
                () -> store.storeTasks(List.of(StateFixtures.task("hello", 1))));
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(writeWhileDown).isNotDone();
        ZK.server().start();

        writeWhileDown.get(20, TimeUnit.SECONDS);
        assertThat(store.fetchTaskNames()).containsExactly("hello-0-server", "hello-1-server");
        store.storeTasks(List.of(StateFixtures.task("hello", 2)));
        StateStore fresh = StateStore.of(ZK.client(service).persister());
        assertThat(fresh.fetchTasks()).hasSize(3);
    }

    @Test
    void aServerThatStaysDownFailsOperationsClearlyAndInBoundedTime() {
        ZooKeeperClient client = ZK.track(ZK.builder(ZooKeeperExtension.uniqueService())
                .withConnectionTimeout(Duration.ofMillis(300))
                .withRetries(1, Duration.ofMillis(50), Duration.ofMillis(50))
                .build()).started();
        Persister persister = client.persister();
        persister.set("/x", new byte[] {1});
        ZK.server().stop();
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> persister.get("/x"))
                    .isInstanceOf(PersisterException.class)
                    .hasMessageContaining("unavailable")
                    .satisfies(e -> assertThat(((PersisterException) e).reason())
                            .isEqualTo(PersisterException.Reason.UNAVAILABLE));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            ZK.server().start();
        }
        assertThat(persister.get("/x")).isPresent();
    }
}
