package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sidecar task launched beside its pod instance's running tasks runs on the instance's own volume. */
class SidecarBesideRunningTasksTest {
    private static final String SPEC = """
            name: svc
            pods:
              node:
                count: 2
                volume: {path: data, type: ROOT, size: 512}
                resource-sets:
                  side: {cpus: 0.1, memory: 32}
                tasks:
                  server: {cmd: serve, cpus: 0.5, memory: 256}
                  side: {cmd: tidy, goal: ONCE, resource-set: side}
            plans:
              deploy:
                phases:
                  d: {pod: node, steps: [{default: [[server]]}]}
              sidecar:
                phases:
                  s: {pod: node, steps: [{default: [[side]]}]}
            """;

    @Test
    void aSidecarSharesThePodVolumeItsRunningServerHolds() {
        var context = ServiceTestRunner.builder(SchedulerOnSimTest.spec(SPEC)).build().run(
                Send.offersUntilComplete("deploy", 20),
                Send.planStart("sidecar", Map.of()),
                Send.offersUntilComplete("sidecar", 10),
                Expect.planStatus("sidecar", Status.COMPLETE),
                Expect.taskRunning("node-0-server"),
                Expect.taskRunning("node-1-server"));

        for (String pod : List.of("node-0", "node-1")) {
            assertThat(volumes(launch(context.cluster().launched(), pod + "-side")))
                    .isEqualTo(volumes(launch(context.cluster().launched(), pod + "-server")));
        }
        assertThat(context.cluster().agents().stream().mapToInt(a -> context.cluster().volumes(a.id()).size()).sum())
                .as("one volume per instance").isEqualTo(2);
        assertThat(context.cluster().errors()).isEmpty();
    }

    private static TaskLaunch launch(List<TaskLaunch> launches, String name) {
        return launches.stream().filter(l -> l.fullName().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> volumes(TaskLaunch launch) {
        return launch.resources().stream().flatMap(r -> r.volume().stream()).map(PersistentVolume::persistenceId).toList();
    }
}
