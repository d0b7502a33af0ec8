package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.discovery.PodAddress;
import io.stratum.sdk.discovery.TaskContext;
import io.stratum.sdk.discovery.TaskEnvironment;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Discovery at launch: every task gets the addresses and ports of the discoverable pods' instances
 * placed before it (and its own), and a framework's {@link TaskEnvironment} adds variables of its
 * own from every placed instance; one that fails launches nothing and says why.
 */
class DiscoveryTest {
    static final String SPEC = """
            name: ring
            pods:
              node:
                count: 3
                discoverable: true
                placement: hostname:UNIQUE
                tasks:
                  server:
                    cmd: serve
                    cpus: 0.1
                    memory: 32
                    ports:
                      native: {port: 0}
                      storage: {port: 0}
              client:
                count: 1
                tasks:
                  app:
                    cmd: use
                    cpus: 0.1
                    memory: 32
                    env: {NODE_9_HOST: mine}
                    ports: {http: {port: 0}}
            """;

    private static ServiceTestRunner.Context deployed(Service service) {
        var context = ServiceTestRunner.builder(service).build().run();
        Send.offersUntilComplete("deploy", 30).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        return context;
    }

    static Map<String, String> env(ServiceTestRunner.Context context, String taskName) {
        return launch(context, taskName).env();
    }

    static TaskLaunch launch(ServiceTestRunner.Context context, String taskName) {
        return context.cluster().launched().stream().filter(t -> t.fullName().equals(taskName))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no launch of " + taskName));
    }

    static String label(ServiceTestRunner.Context context, String taskName, String label) {
        return context.scheduler().tasks().stream().filter(t -> t.name().equals(taskName)).findFirst()
                .map(TaskRecord::labels).map(l -> l.get(label)).orElseThrow();
    }

    @Test
    void eachTaskSeesTheDiscoverableInstancesPlacedBeforeItAndItself() {
        var context = deployed(Service.builder(SchedulerOnSimTest.spec(SPEC)).build());

        String host0 = label(context, "node-0-server", TaskLabels.HOSTNAME);
        String host1 = label(context, "node-1-server", TaskLabels.HOSTNAME);
        String host2 = label(context, "node-2-server", TaskLabels.HOSTNAME);
        assertThat(List.of(host0, host1, host2)).as("hostname:UNIQUE").doesNotHaveDuplicates();
        String native0 = label(context, "node-0-server", TaskLabels.PORT_PREFIX + "native");
        String native1 = label(context, "node-1-server", TaskLabels.PORT_PREFIX + "native");
        String storage1 = label(context, "node-1-server", TaskLabels.PORT_PREFIX + "storage");
        String native2 = label(context, "node-2-server", TaskLabels.PORT_PREFIX + "native");

        // A serial deploy without a reserve-only phase: node-0 knows only itself.
        assertThat(env(context, "node-0-server")).containsEntry("NODE_0_HOST", host0)
                .containsEntry("NODE_HOSTS", host0).containsEntry("NODE_ENDPOINTS_NATIVE", host0 + ":" + native0)
                .doesNotContainKeys("NODE_1_HOST", "NODE_2_HOST");
        assertThat(env(context, "node-2-server"))
                .containsEntry("NODE_0_HOST", host0).containsEntry("NODE_1_HOST", host1).containsEntry("NODE_2_HOST", host2)
                .containsEntry("NODE_1_PORT_NATIVE", native1).containsEntry("NODE_1_PORT_STORAGE", storage1)
                .containsEntry("NODE_HOSTS", String.join(",", host0, host1, host2))
                .containsEntry("NODE_ENDPOINTS_NATIVE", host0 + ":" + native0 + "," + host1 + ":" + native1 + ","
                        + host2 + ":" + native2)
                .containsEntry("PORT_NATIVE", native2);
        // The client pod is not discoverable; its own task's env wins over discovery's.
        Map<String, String> client = env(context, "client-0-app");
        assertThat(client).containsEntry("NODE_HOSTS", String.join(",", host0, host1, host2))
                .containsEntry("NODE_9_HOST", "mine")
                .doesNotContainKeys("CLIENT_HOSTS", "CLIENT_0_HOST", "CLIENT_ENDPOINTS_HTTP");
    }

    @Test
    void aNotDiscoverablePodAddsNothing() {
        var context = deployed(Service.builder(SchedulerOnSimTest.spec(SPEC.replace("discoverable: true",
                "discoverable: false"))).build());

        assertThat(env(context, "node-2-server").keySet()).noneMatch(k -> k.startsWith("NODE_"));
        assertThat(env(context, "client-0-app").keySet()).containsOnly("NODE_9_HOST", "TASK_NAME",
                "POD_INSTANCE_INDEX", "PORT_HTTP", "STRATUM_ZOOKEEPER", "STRATUM_ZOOKEEPER_PATH");
    }

    @Test
    void aRelaunchInPlaceKeepsItsAddressAndSeesEveryInstance() {
        var context = deployed(Service.builder(SchedulerOnSimTest.spec(SPEC)).build());
        Send.failure("node-0-server").run(context);
        Send.offersUntilComplete("recovery", 20).run(context);
        Expect.launches("node-0-server", 2).run(context);

        assertThat(env(context, "node-0-server")).containsEntry("NODE_HOSTS", String.join(",",
                label(context, "node-0-server", TaskLabels.HOSTNAME), label(context, "node-1-server", TaskLabels.HOSTNAME),
                label(context, "node-2-server", TaskLabels.HOSTNAME)));
    }

    @Test
    void theFrameworksTaskEnvironmentSeesEveryPlacedInstanceAndWinsOverTheSpec() {
        List<TaskContext> seen = new ArrayList<>();
        TaskEnvironment peers = task -> {
            seen.add(task);
            return Map.of("PEERS", task.instances().stream().map(a -> a.name() + "@" + a.endpoint("native"))
                            .filter(s -> s.startsWith("node")).collect(Collectors.joining(";")),
                    "NODE_9_HOST", "framework's");
        };
        // The hook sees the client pod too, though it is not discoverable.
        TaskEnvironment both = task -> task.podType().equals("node") ? peers.variables(task)
                : Map.of("ME", task.instance("client", 0).map(PodAddress::host).orElse("?"));
        var context = deployed(Service.builder(SchedulerOnSimTest.spec(SPEC)).taskEnvironment(both).build());

        String host2 = label(context, "node-2-server", TaskLabels.HOSTNAME);
        String native2 = label(context, "node-2-server", TaskLabels.PORT_PREFIX + "native");
        assertThat(env(context, "node-2-server").get("PEERS")).isEqualTo(String.join(";",
                "node-0@" + label(context, "node-0-server", TaskLabels.HOSTNAME) + ":"
                        + label(context, "node-0-server", TaskLabels.PORT_PREFIX + "native"),
                "node-1@" + label(context, "node-1-server", TaskLabels.HOSTNAME) + ":"
                        + label(context, "node-1-server", TaskLabels.PORT_PREFIX + "native"),
                "node-2@" + host2 + ":" + native2));
        assertThat(env(context, "client-0-app")).containsEntry("ME", label(context, "client-0-app", TaskLabels.HOSTNAME))
                .containsEntry("NODE_9_HOST", "mine");

        TaskContext node2 = seen.stream().filter(t -> t.podInstanceName().equals("node-2")).findFirst().orElseThrow();
        assertThat(node2.serviceName()).isEqualTo("ring");
        assertThat(node2.taskName()).isEqualTo("server");
        assertThat(node2.host()).isEqualTo(host2);
        assertThat(node2.ports()).containsEntry("native", Long.parseLong(native2));
        assertThat(node2.environment()).containsEntry("NODE_2_HOST", host2).containsEntry("POD_INSTANCE_INDEX", "2");
        assertThat(node2.instancesOf("node")).extracting(PodAddress::index).containsExactly(0, 1, 2);
    }

    @Test
    void aFailingTaskEnvironmentLaunchesNothingOfThatInstanceAndSaysWhy() {
        TaskEnvironment failing = task -> {
            if (task.index() == 1) {
                throw new IllegalStateException("no seeds yet");
            }
            return Map.of();
        };
        var context = ServiceTestRunner.builder(Service.builder(SchedulerOnSimTest.spec(SPEC))
                .taskEnvironment(failing).build()).build().run();
        for (int round = 0; round < 10; round++) {
            Send.offers().run(context);
        }

        Expect.launches("node-0-server", 1).run(context);
        Expect.launches("node-1-server", 0).run(context);
        assertThat(context.scheduler().explanations().get("node-1:[server]"))
                .isEqualTo("the framework's task environment failed for node-1-server: no seeds yet");
        assertThat(context.scheduler().plans().get("deploy").status()).isNotEqualTo(Status.COMPLETE);
    }

    @Test
    void aTaskEnvironmentGivingABadNameOrNoValueLaunchesNothing() {
        Map<String, String> noValue = new java.util.HashMap<>();
        noValue.put("SEEDS", null);
        for (var bad : List.of(Map.of("1ST", "x"), Map.of("A B", "x"), noValue)) {
            var context = ServiceTestRunner.builder(Service.builder(SchedulerOnSimTest.spec(SPEC))
                    .taskEnvironment(task -> bad).build()).build().run();
            Send.offers().run(context);

            Expect.launches("node-0-server", 0).run(context);
            assertThat(context.scheduler().explanations().get("node-0:[server]"))
                    .startsWith("the framework's task environment gave node-0-server ");
        }
    }
}
