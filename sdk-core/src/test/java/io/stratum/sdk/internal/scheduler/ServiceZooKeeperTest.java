package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.discovery.ServiceZooKeeper;
import io.stratum.sdk.discovery.TaskContext;
import io.stratum.sdk.discovery.TaskEnvironment;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Every launch is told the service's ZooKeeper ({@code STRATUM_ZOOKEEPER}, {@code
 * STRATUM_ZOOKEEPER_PATH}; on the sim, the harness's placeholder and the path a real run gives),
 * the framework's task environment sees it as {@link TaskContext#zookeeper()}, and neither a spec's
 * {@code env} nor the framework can point a task elsewhere.
 */
class ServiceZooKeeperTest {
    private static final String SPEC = """
            name: group/kafka
            pods:
              broker:
                count: 2
                tasks:
                  server:
                    cmd: serve
                    cpus: 0.1
                    memory: 32
                    env:
                      STRATUM_ZOOKEEPER: elsewhere:2181
                      STRATUM_ZOOKEEPER_PATH: /stratum/group%2Fkafka/data
                      OWN: mine
            """;
    private static final String PATH = "/stratum/group%2Fkafka/tasks";

    private final List<TaskContext> seen = new CopyOnWriteArrayList<>();

    private ServiceTestRunner.Context deployed(TaskEnvironment environment) {
        Service service = Service.builder(SchedulerOnSimTest.spec(SPEC)).taskEnvironment(environment).build();
        return ServiceTestRunner.builder(service).build().run(Send.offersUntilComplete("deploy", 20),
                Expect.planStatus("deploy", Status.COMPLETE));
    }

    @Test
    void everyTaskIsToldTheServicesZooKeeperAndItsOwnPathWhateverItsSpecSays() {
        var context = deployed(task -> Map.of());

        for (String task : List.of("broker-0-server", "broker-1-server")) {
            assertThat(context.environment(task))
                    .containsEntry(ServiceZooKeeper.CONNECT_VARIABLE, ServiceTestRunner.ZOOKEEPER)
                    .containsEntry(ServiceZooKeeper.PATH_VARIABLE, PATH)
                    .containsEntry("OWN", "mine");
        }
        assertThat(ServiceTestRunner.ZOOKEEPER).isEqualTo("zookeeper.invalid:2181");
    }

    @Test
    void theFrameworkSeesItToComposeItsOwnVariablesAndCannotRedirectIt() {
        var context = deployed(task -> {
            seen.add(task);
            return Map.of("ZK_CONNECT", task.zookeeper().chrooted("kafka"),
                    "HA_QUORUM", task.zookeeper().connectString(),
                    ServiceZooKeeper.CONNECT_VARIABLE, "framework:2181");
        });

        assertThat(seen).isNotEmpty().allSatisfy(task -> {
            assertThat(task.zookeeper()).isEqualTo(new ServiceZooKeeper(ServiceTestRunner.ZOOKEEPER, PATH));
            assertThat(task.environment()).containsEntry(ServiceZooKeeper.CONNECT_VARIABLE, ServiceTestRunner.ZOOKEEPER)
                    .containsEntry(ServiceZooKeeper.PATH_VARIABLE, PATH);
        });
        assertThat(context.environment("broker-0-server"))
                .containsEntry("ZK_CONNECT", "zookeeper.invalid:2181" + PATH + "/kafka")
                .containsEntry("HA_QUORUM", ServiceTestRunner.ZOOKEEPER)
                .containsEntry(ServiceZooKeeper.CONNECT_VARIABLE, ServiceTestRunner.ZOOKEEPER);
    }
}
