package io.stratum.sdk.service.standby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.service.ServiceRuntime;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two schedulers for one service on one ZooKeeper: the second waits as a hot standby and takes
 * over when the first stops, finishing its deploy without launching anything twice.
 */
class StandbyTakeoverIT {
    private static final String SPEC = """
            name: standby
            pods:
              node:
                count: 3
                tasks:
                  server: {cmd: serve, cpus: 0.5, memory: 128, readiness-check: {cmd: ready}}
            plans:
              deploy:
                phases:
                  nodes: {pod: node, strategy: serial}
            """;

    @TempDir
    Path dir;

    @Test
    void theStandbyTakesOverWhenTheActiveSchedulerStops() throws Exception {
        ServiceSpec spec = SpecLoader.builder().build().load("svc.yml", SPEC, Path.of("."));
        SimCluster cluster = SimCluster.builder().withClock(java.time.InstantSource.system())
                .agents(3, a -> a.cpus(4).mem(8192).disk(8192).ports(10_000, 11_000))
                .build();
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.builder(dir.resolve("zk")).build().start()) {
            RunOptions first = RunOptions.builder(dir.resolve("a")).withApiPort(0).withZooKeeper(zk.connectString()).build();
            RunOptions second = first.toBuilder().withWorkDir(dir.resolve("b")).build();
            Service service = Service.builder(spec).backend((s, o) -> artifacts -> cluster).build();
            ServiceRuntime active = service.start(first, new PrintWriter(new StringWriter()));
            pumpUntil(cluster, () -> cluster.launched().size() >= 1);

            StringWriter standbyOut = new StringWriter();
            CompletableFuture<ServiceRuntime> standby = CompletableFuture.supplyAsync(() -> {
                try {
                    return service.start(second, new PrintWriter(standbyOut, true));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> standbyOut.toString().contains("waiting as standby"));
            assertThat(standby).isNotDone();

            active.close();
            ServiceRuntime takenOver = standby.get(60, TimeUnit.SECONDS);
            try {
                assertThat(standbyOut.toString()).contains("took over as the active scheduler");
                ServiceApi api = new ServiceApi(takenOver.apiUrl());
                pumpUntil(cluster, api::deployComplete);

                Map<String, Long> launches = cluster.launched().stream()
                        .collect(Collectors.groupingBy(TaskLaunch::fullName, Collectors.counting()));
                assertThat(launches).containsOnly(Map.entry("node-0-server", 1L), Map.entry("node-1-server", 1L),
                        Map.entry("node-2-server", 1L));
            } finally {
                takenOver.close();
            }
        }
    }

    /** Drives the simulated cluster (offers and events) until {@code done}, at most 30 s. */
    private static void pumpUntil(SimCluster cluster, java.util.concurrent.Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            cluster.sendOffers(true);
            cluster.deliver();
            return done.call();
        });
    }
}
