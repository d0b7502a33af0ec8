package io.stratum.sdk.it.realmesos.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.it.realmesos.RealMesos;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example hello-world service, run with {@code --mesos} against a real Mesos 1.12 master and
 * three agents, deploys to COMPLETE: every task writes into its persistent volume (at its path in
 * its own sandbox, through the default executor's), hello's health check and world's readiness
 * checks run on the agents and pass, each task's volume is a reservation of the service's role
 * on the master, and the master shows the framework as the README says it subscribes (role,
 * principal, checkpointing, 4-week failover timeout, capabilities) with one default executor per
 * pod instance taking 0.1 cpus, 32 MB and 256 MB disk. Prints {@code mesos-run-to-complete}.
 */
class MesosHelloWorldIT {
    @RegisterExtension
    static final RealMesos MESOS = new RealMesos(3);

    @TempDir
    Path dir;

    @Test
    void helloWorldDeploysToCompleteOnARealMasterWithItsVolumesAndChecks() throws Exception {
        long start = System.nanoTime();
        try (RealMesos.Deployed deployed = MESOS.deploy(RealMesos.helloWorld(), MESOS.options(dir))) {
            ServiceApi api = deployed.api();
            System.out.printf("FIGURE mesos-run-to-complete: %.2f s%n", (System.nanoTime() - start) / 1e9);

            await("hello's health check passes").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL).ignoreExceptions()
                    .until(() -> api.task("hello-0").health().equals("PASSED"));
            Map<String, ServiceApi.Task> tasks = api.tasksByName("hello-0", "world-0", "world-1");
            assertThat(tasks.values()).allMatch(t -> t.state().equals("RUNNING"));
            assertThat(tasks.get("world-0-server").agent()).isNotEqualTo(tasks.get("world-1-server").agent());

            List<Path> outputs = MESOS.volumeFiles("output");
            List<String> lines = outputs.stream().map(RealMesos::read).toList();
            assertThat(lines).containsExactlyInAnyOrder("hello from hello-0-server\n", "world from world-0-server\n",
                    "world from world-1-server\n");

            List<JsonNode> volumes = MESOS.reservations("hello-world-role").stream()
                    .filter(r -> r.path("disk").path("persistence").has("id")).toList();
            assertThat(volumes).extracting(v -> v.path("disk").path("volume").path("container_path").asText())
                    .containsExactlyInAnyOrder("hello-container-path", "world-container-path", "world-container-path");
            JsonNode framework = MESOS.framework("hello-world");
            assertThat(framework.path("active").asBoolean()).isTrue();
            assertThat(framework.path("roles").toString()).isEqualTo("[\"hello-world-role\"]");
            assertThat(framework.path("principal").asText()).isEqualTo("hello-world-principal");
            assertThat(framework.path("checkpoint").asBoolean()).isTrue();
            assertThat(framework.path("failover_timeout").asDouble()).as("4 weeks").isEqualTo(2_419_200.0);
            assertThat(framework.path("capabilities").toString()).contains("MULTI_ROLE", "RESERVATION_REFINEMENT",
                    "TASK_KILLING_STATE", "PARTITION_AWARE");
            assertThat(framework.path("executors")).as("one default executor per pod instance").hasSize(3)
                    .allSatisfy(executor -> {
                        assertThat(executor.path("type").asText()).isEqualTo("DEFAULT");
                        assertThat(executor.path("resources").path("cpus").asDouble()).isEqualTo(0.1);
                        assertThat(executor.path("resources").path("mem").asDouble()).isEqualTo(32.0);
                        assertThat(executor.path("resources").path("disk").asDouble()).isEqualTo(256.0);
                    });
        }
    }
}
