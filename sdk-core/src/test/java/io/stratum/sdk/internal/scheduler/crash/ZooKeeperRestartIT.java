package io.stratum.sdk.internal.scheduler.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import io.stratum.sdk.internal.state.ZooKeeperClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ZooKeeper server restarts in the middle of a deploy; the scheduler's client reconnects, a
 * scheduler restarted afterwards finds all state, and the deploy completes without duplicates.
 */
class ZooKeeperRestartIT {
    private static final String SPEC = """
            name: zk-restart
            pods:
              node:
                count: 4
                tasks:
                  server: {cmd: serve, cpus: 0.5, memory: 128, volume: {path: data, type: ROOT, size: 64}}
            plans:
              deploy:
                phases:
                  nodes: {pod: node, strategy: serial}
            """;

    @TempDir
    Path dir;

    @Test
    void aDeploySurvivesAZooKeeperServerRestart() throws Exception {
        ServiceSpec spec = SpecLoader.builder().build().load("svc.yml", SPEC, Path.of("."));
        SimCluster cluster = SimCluster.builder()
                .agents(2, a -> a.cpus(4).mem(8192).disk(8192).ports(10_000, 11_000)).build();
        EmbeddedZooKeeper zk = EmbeddedZooKeeper.builder(dir).build().start();
        try (ZooKeeperClient client = ZooKeeperClient.builder(zk.connectString(), "zk-restart").build()) {
            client.start();
            ServiceScheduler first = start(spec, cluster, client);
            rounds(first, cluster, 2);
            long launchedBefore = cluster.launched().size();
            assertThat(launchedBefore).isBetween(1L, 3L);

            zk.stop();
            zk.start();

            rounds(first, cluster, 2);
            ServiceScheduler second = start(spec, cluster, client);
            rounds(second, cluster, 20);

            assertThat(second.plans().get("deploy").isComplete()).isTrue();
            Map<String, Long> launches = cluster.launched().stream()
                    .collect(Collectors.groupingBy(TaskLaunch::fullName, Collectors.counting()));
            assertThat(launches).hasSize(4).allSatisfy((task, count) -> assertThat(count).as(task).isEqualTo(1L));
            assertThat(cluster.agents().stream().mapToLong(a -> cluster.volumes(a.id()).size()).sum()).isEqualTo(4);
        } finally {
            zk.close();
        }
    }

    private static ServiceScheduler start(ServiceSpec spec, SimCluster cluster, ZooKeeperClient client) {
        ServiceScheduler scheduler = ServiceScheduler.builder().withBackend(cluster).withPersister(client.persister())
                .withClock(cluster.clock()).withEvaluator(OfferEvaluator.builder().build()).build();
        scheduler.start(spec, scheduler.directListener());
        cluster.deliver();
        return scheduler;
    }

    private static void rounds(ServiceScheduler scheduler, SimCluster cluster, int rounds) {
        for (int i = 0; i < rounds && !scheduler.plans().get("deploy").isComplete(); i++) {
            cluster.advance(Duration.ofSeconds(1));
            scheduler.tick();
            cluster.deliver();
            cluster.sendOffers(true);
            cluster.deliver();
        }
    }
}
