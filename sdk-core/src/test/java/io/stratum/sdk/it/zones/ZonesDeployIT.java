package io.stratum.sdk.it.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.service.LocalResources;
import io.stratum.sdk.service.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local agents spread over zones ({@code run --zones}): a pod grouped by {@code @zone} puts one
 * instance in each zone, and each task process sees its agent's {@code $ZONE} and
 * {@code $REGION} (real processes, scheduler, ZooKeeper).
 */
class ZonesDeployIT {
    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    @Test
    void threeInstancesGroupedByZoneLandInThreeZonesAndEachTaskKnowsItsZone() throws Exception {
        Path spec = LocalServices.writeSpec(dir.resolve("spec"), """
                name: zones-svc
                pods:
                  node:
                    count: 3
                    placement: '[["@zone", "GROUP_BY", "3"]]'
                    tasks:
                      server:
                        goal: RUNNING
                        cmd: echo "$ZONE $REGION" > zone.txt && exec sleep 1000
                        cpus: 0.1
                        memory: 32
                """);
        RunOptions options = RunOptions.builder(dir.resolve("work")).withApiPort(0).withAgents(3)
                .withLocal(LocalResources.defaults().withZones("us-east-1", List.of("us-east-1a", "us-east-1b", "us-east-1c")))
                .build();
        LocalServices.Started service = services.start(LocalServices.load(spec), options);

        LocalServices.awaitDeployComplete(service.api());

        List<String> written = new ArrayList<>();
        for (String pod : List.of("node-0", "node-1", "node-2")) {
            ServiceApi.Task task = service.api().task(pod);
            services.track(task.pid());
            Path file = Path.of(task.sandbox()).resolve("zone.txt");
            // Deploy COMPLETE means RUNNING, not that the command has written the file yet.
            await().atMost(Duration.ofSeconds(10)).pollInterval(LocalServices.POLL)
                    .until(() -> Files.exists(file) && Files.readString(file).endsWith("\n"));
            written.add(Files.readString(file).strip());
        }
        assertThat(written).containsExactlyInAnyOrder("us-east-1a us-east-1", "us-east-1b us-east-1", "us-east-1c us-east-1");
    }
}
