package io.stratum.sdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agents in zones: {@code @zone} placement rules read them, and every task gets its agent's
 * {@code ZONE} and {@code REGION}, which the spec's own env cannot override; an agent without a
 * fault domain gives neither.
 */
class ZoneEnvironmentTest {
    private static final String SPEC = """
            name: zoned
            pods:
              node:
                count: 3
                placement: '[["@zone", "GROUP_BY", "3"]]'
                tasks:
                  server:
                    goal: RUNNING
                    cmd: exec sleep 1000
                    cpus: 0.1
                    memory: 32
                    env:
                      ZONE: from-the-spec
            """;
    private static final List<String> TASKS = List.of("node-0-server", "node-1-server", "node-2-server");

    @Test
    void instancesGroupedByZoneLandInEveryZoneAndEachKnowsItsZoneAndRegion() throws Exception {
        try (ServiceTestRunner runner = ServiceTestRunner.builder(spec()).withCluster(() -> SimCluster.builder()
                .agents(6, a -> a.cpus(4).mem(8192).disk(32_768).ports(10_000, 20_000))
                .withZones("us-east-1", "us-east-1a", "us-east-1b", "us-east-1c")).build()) {
            ServiceTestRunner.Context context = runner.run(Send.offersUntilComplete("deploy", 30),
                    Expect.planStatus("deploy", Status.COMPLETE),
                    Expect.taskEnvironment("node-0-server", "REGION", "us-east-1"));

            List<String> zones = TASKS.stream().map(task -> context.environment(task).get("ZONE")).toList();
            assertThat(zones).containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");
            for (String task : TASKS) {
                Map<String, String> env = context.environment(task);
                String agentZone = context.cluster().agents().stream()
                        .filter(a -> a.id().equals(context.liveTask(task).agentId())).findFirst().orElseThrow().zone().orElseThrow();
                assertThat(env).containsEntry("ZONE", agentZone).containsEntry("REGION", "us-east-1");
            }
        }
    }

    @Test
    void anAgentWithoutAFaultDomainGivesNoZoneAndTheSpecsOwnStays() throws Exception {
        ServiceSpec spec = SpecLoader.builder().build().load("svc.yml", SPEC.replace(
                "placement: '[[\"@zone\", \"GROUP_BY\", \"3\"]]'", "placement: '[[\"hostname\", \"UNIQUE\"]]'"), Path.of("."));
        try (ServiceTestRunner runner = ServiceTestRunner.builder(spec).build()) {
            runner.run(Send.offersUntilComplete("deploy", 30), Expect.planStatus("deploy", Status.COMPLETE),
                    Expect.taskEnvironment("node-0-server", "ZONE", "from-the-spec"),
                    Expect.taskEnvironment("node-0-server", "REGION", null));
        }
    }

    private static ServiceSpec spec() throws Exception {
        return SpecLoader.builder().build().load("svc.yml", SPEC, Path.of("."));
    }
}
