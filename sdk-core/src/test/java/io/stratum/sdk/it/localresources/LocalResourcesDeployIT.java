package io.stratum.sdk.it.localresources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.service.LocalResources;
import io.stratum.sdk.service.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services whose pods need MOUNT disks, GPUs or a pre-reserved role deploy to COMPLETE on the
 * local agents, run as {@code stratum run} runs them (scheduler, ZooKeeper, real processes).
 */
class LocalResourcesDeployIT {
    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    @Test
    void aPodWithAMountVolumeDeploysToCompleteAndWritesOnTheMountDisk() throws Exception {
        Path spec = LocalServices.writeSpec(dir.resolve("spec"), """
                name: mount-svc
                pods:
                  db:
                    count: 2
                    tasks:
                      server:
                        goal: RUNNING
                        cmd: echo "written by $TASK_NAME" > data/hello && exec sleep 1000
                        cpus: 0.1
                        memory: 32
                        volume:
                          path: data
                          type: MOUNT
                          size: 1024
                """);
        LocalServices.Started service = services.start(LocalServices.load(spec), dir.resolve("work"));

        LocalServices.awaitDeployComplete(service.api());

        for (String pod : List.of("db-0", "db-1")) {
            ServiceApi.Task task = service.api().task(pod);
            services.track(task.pid());
            Path data = Path.of(task.sandbox()).resolve("data");
            // Deploy COMPLETE means RUNNING, not that the command has written the file yet.
            await().atMost(Duration.ofSeconds(10)).pollInterval(LocalServices.POLL)
                    .untilAsserted(() -> assertThat(data.resolve("hello")).hasContent("written by " + task.name()));
            Path disk = data.toRealPath();
            assertThat(disk.getParent().getFileName().toString()).isEqualTo("mounts");
            assertThat(disk.getFileName().toString()).startsWith("mount-");
        }
    }

    @Test
    void podsWithGpusAndAPreReservedRoleDeployOnTheResourcesTheRunOptionsGive() throws Exception {
        Path spec = LocalServices.writeSpec(dir.resolve("spec"), """
                name: roles-svc
                pods:
                  trainer:
                    count: 1
                    tasks:
                      main:
                        goal: RUNNING
                        cmd: exec sleep 1000
                        cpus: 0.1
                        memory: 32
                        gpus: 1
                  etl:
                    count: 1
                    pre-reserved-role: analytics
                    tasks:
                      main:
                        goal: RUNNING
                        cmd: exec sleep 1000
                        cpus: 0.2
                        memory: 64
                """);
        Path work = dir.resolve("work");
        RunOptions options = RunOptions.builder(work).withApiPort(0).withAgents(2)
                .withLocal(new LocalResources(2, 2048, 1, List.of(new LocalResources.PreReserved("analytics", 0.5, 256, 128)))).build();
        LocalServices.Started service = services.start(LocalServices.load(spec), options);

        LocalServices.awaitDeployComplete(service.api());

        ServiceApi.Task trainer = service.api().task("trainer-0");
        services.track(trainer.pid());
        ServiceApi.Task etl = service.api().task("etl-0");
        services.track(etl.pid());
        assertThat(Files.readString(ledgerOf(trainer))).contains("\"resourceName\" : \"gpus\"");
        assertThat(Files.readString(ledgerOf(etl))).as("the etl pod's reservations refine the static role")
                .contains("\"preReservedRole\" : \"analytics\"").contains("\"role\" : \"analytics/");
    }

    /** @return the ledger of the agent a task runs on: its sandbox is {@code <agent>/sandboxes/<task id>} */
    private static Path ledgerOf(ServiceApi.Task task) {
        return Path.of(task.sandbox()).getParent().getParent().resolve("ledger.json");
    }
}
