package io.stratum.examples.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.PlanSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.Strategy;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framework's own {@link Service} (its spec, options, rules and plans) on the simulated cluster. */
class CassandraFrameworkTest {
    private static final Path SPEC = Path.of("svc.yml");

    @TempDir
    Path dir;

    private Service framework(Map<String, String> options) throws Exception {
        Map<String, String> env = new HashMap<>(FakeJdks.oneNode(dir));
        env.putAll(options);
        return Cassandra.service(SPEC, env);
    }

    private ServiceTestRunner runner(Service service) {
        // Cassandra's ports (9042, 7000, 7199) are static: the agents offer them
        return ServiceTestRunner.builder(service).withCluster(() -> SimCluster.builder()
                .agents(3, agent -> agent.cpus(4).mem(8192).disk(32_768).ports(1_025, 32_767))).build();
    }

    @Test
    void theOptionsDefaultToOptionsEnvAndTheGivenEnvironmentWins() throws Exception {
        ServiceSpec spec = framework(Map.of("HEAP", "512M")).spec();

        assertThat(spec.name()).isEqualTo("cassandra");
        assertThat(spec.pod("node").count()).isEqualTo(1);
        assertThat(spec.pod("node").task("server").env())
                .containsEntry("HEAP", "512M")
                .containsEntry("CLUSTER_NAME", "cassandra")
                .containsEntry("NUM_TOKENS", "4")
                .containsEntry("JMX_PORT", "7199")
                .containsEntry("CASSANDRA_JAVA_HOME", dir.resolve("jdk-17").toString())
                .containsEntry("CASSANDRA_LIB", dir.resolve("lib").toString());
        assertThat(spec.pod("node").task("server").env().get("CASSANDRA_TOOLS")).endsWith("target/classes");
    }

    @Test
    void theNodesRunTheDcosServicesPlans() throws Exception {
        Map<String, PlanSpec> plans = framework(Map.of()).spec().plans();

        assertThat(plans).containsOnlyKeys("deploy", "repair", "cleanup", "backup", "restore");
        assertThat(plans.get("deploy").phases().get("node-deploy").strategy()).isEqualTo(Strategy.SERIAL);
        assertThat(plans.get("repair").phases().get("repair-deploy").strategy()).isEqualTo(Strategy.SERIAL);
        assertThat(plans.get("cleanup").phases().get("cleanup-deploy").strategy()).isEqualTo(Strategy.SERIAL);
        assertThat(plans.get("backup").phases().get("backup-snapshots").strategy()).isEqualTo(Strategy.PARALLEL);
        assertThat(plans.get("restore").phases().get("restore-snapshots").strategy()).isEqualTo(Strategy.SERIAL);
    }

    @Test
    void aNodeIsDeployedWithItsPortsAndOnlyTheServerRunsAtDeploy() throws Exception {
        try (ServiceTestRunner runner = runner(framework(Map.of()))) {
            var run = runner.run(
                    Send.offersUntilComplete("deploy", 30),
                    Expect.planStatus("deploy", Status.COMPLETE),
                    Expect.taskRunning("node-0-server"),
                    Expect.launches("node-0-repair", 0),
                    Expect.launches("node-0-backup", 0));
            TaskLaunch server = launch(run, "node-0-server");
            assertThat(server.ports()).containsEntry("native-client", 9042L).containsEntry("storage", 7000L)
                    .containsEntry("jmx", 7199L);
        }
    }

    @Test
    void theRepairPlanRunsNodetoolOncePerNodeWithTheKeyspaceGiven() throws Exception {
        try (ServiceTestRunner runner = runner(framework(Map.of()))) {
            var run = runner.run(
                    Send.offersUntilComplete("deploy", 30),
                    Send.planStart("repair", Map.of("KEYSPACE", "shop")),
                    Send.offersUntilComplete("repair", 30),
                    Expect.planStatus("repair", Status.COMPLETE),
                    Expect.launches("node-0-repair", 1),
                    Expect.launches("node-0-server", 1));
            assertThat(launch(run, "node-0-repair").env()).containsEntry("KEYSPACE", "shop");
            assertThat(launch(run, "node-0-repair").spec().cmd()).isEqualTo("exec sh cassandra-node.sh repair");
        }
    }

    @Test
    void theBackupPlanTakesItsLocationAsParameters() throws Exception {
        try (ServiceTestRunner runner = runner(framework(Map.of()))) {
            var run = runner.run(
                    Send.offersUntilComplete("deploy", 30),
                    Send.planStart("backup", Map.of("BACKUP_DIR", "/backups", "SNAPSHOT_NAME", "monday")),
                    Send.offersUntilComplete("backup", 30),
                    Expect.planStatus("backup", Status.COMPLETE),
                    Send.planStart("restore", Map.of("BACKUP_DIR", "/backups", "SNAPSHOT_NAME", "monday")),
                    Send.offersUntilComplete("restore", 30),
                    Expect.planStatus("restore", Status.COMPLETE));
            assertThat(launch(run, "node-0-backup").env()).containsEntry("BACKUP_DIR", "/backups")
                    .containsEntry("SNAPSHOT_NAME", "monday");
            assertThat(launch(run, "node-0-restore").env()).containsEntry("SNAPSHOT_NAME", "monday");
        }
    }

    @Test
    void theOnceTasksSeeTheNodesData() throws Exception {
        try (ServiceTestRunner runner = runner(framework(Map.of()))) {
            var run = runner.run(
                    Send.offersUntilComplete("deploy", 30),
                    Send.planStart("backup", Map.of("BACKUP_DIR", "/backups", "SNAPSHOT_NAME", "monday")),
                    Send.offersUntilComplete("backup", 30));
            assertThat(volumes(launch(run, "node-0-backup"))).isNotEmpty()
                    .isEqualTo(volumes(launch(run, "node-0-server")));
        }
    }

    @Test
    void changingTheClusterNameIsRefusedNamingTheOption() throws Exception {
        Service service = framework(Map.of());
        ServiceSpec renamed = framework(Map.of("CLUSTER_NAME", "other")).spec();
        try (ServiceTestRunner runner = runner(service)) {
            runner.run(
                    Send.offersUntilComplete("deploy", 30),
                    Send.configUpdate(renamed),
                    Expect.configRefused("pods.node.tasks.server.env.CLUSTER_NAME",
                            "CLUSTER_NAME can't change from 'cassandra' to 'other' on a running ring"),
                    Expect.launches("node-0-server", 1));
        }
    }

    @Test
    void tokensDataCenterAndRackCantChangeEither() throws Exception {
        Service service = framework(Map.of());
        ServiceSpec changed = framework(Map.of("NUM_TOKENS", "16", "DATA_CENTER", "dc2", "RACK", "r9")).spec();
        try (ServiceTestRunner runner = runner(service)) {
            runner.run(
                    Send.offersUntilComplete("deploy", 30),
                    Send.configUpdate(changed),
                    Expect.configRefused("NUM_TOKENS can't change from '4' to '16'", "tokens are chosen once"),
                    Expect.configRefused("DATA_CENTER can't change from 'datacenter1' to 'dc2'"),
                    Expect.configRefused("RACK can't change from 'rack1' to 'r9'"),
                    Expect.launches("node-0-server", 1));
        }
    }

    @Test
    void otherOptionsRollTheNode() throws Exception {
        Service service = framework(Map.of());
        ServiceSpec tuned = framework(Map.of("CONCURRENT_WRITES", "16", "HEAP", "384M")).spec();
        try (ServiceTestRunner runner = runner(service)) {
            var run = runner.run(
                    Send.offersUntilComplete("deploy", 30),
                    Send.configUpdate(tuned),
                    Send.offersUntilComplete("deploy", 30),
                    Expect.planStatus("deploy", Status.COMPLETE),
                    Expect.launches("node-0-server", 2));
            assertThat(launch(run, "node-0-server").env()).containsEntry("CONCURRENT_WRITES", "16");
        }
    }

    @Test
    void aRingOfMoreThanOneNodeWaitsForDiscovery() {
        assertThatThrownBy(() -> framework(Map.of("NODES", "3")))
                .isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.format()).startsWith("svc.yml:10:").contains(
                                "pods.node.count: NODES=3: this build runs a ring of one node")));
    }

    @Test
    void scalingOutIsRefusedUntilDiscovery() throws Exception {
        Service service = framework(Map.of());
        ServiceSpec three = ServiceSpec.load(SPEC, threeNodes());
        try (ServiceTestRunner runner = runner(service)) {
            runner.run(
                    Send.offersUntilComplete("deploy", 30),
                    Send.configUpdate(three),
                    Expect.configRefused("NODES=3"));
        }
    }

    /** @return the running ring's template environment with NODES=3, loaded without the framework's rule */
    private Map<String, String> threeNodes() throws Exception {
        Map<String, String> env = new HashMap<>(Options.defaults(SPEC, Path.of("options.env")));
        env.putAll(framework(Map.of()).spec().pod("node").task("server").env());
        env.put("NODES", "3");
        return env;
    }

    @Test
    void withoutAJdk17TheRunStopsWithOneLineNamingTheSetting() {
        Path jdk25 = FakeJdks.jdk(dir, "temurin-25", "25.0.1");

        assertThatThrownBy(() -> framework(Map.of("CASSANDRA_JAVA_HOME", jdk25.toString())))
                .isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.format()).matches("svc\\.yml:\\d+:\\d+: CASSANDRA_JAVA_HOME="
                                + java.util.regex.Pattern.quote(jdk25.toString())
                                + " is Java 25: Cassandra 5.0 runs on Java 11 or 17")));
    }

    @Test
    void withoutTheNodeClasspathTheRunSaysHowToBuildIt() {
        assertThatThrownBy(() -> framework(Map.of("CASSANDRA_LIB", dir.resolve("nothing").toString())))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("CASSANDRA_LIB: no Cassandra node classpath")
                .hasMessageContaining("mvn -pl examples/cassandra -am package");
    }

    private static List<String> volumes(TaskLaunch launch) {
        return launch.resources().stream().flatMap(r -> r.volume().stream())
                .map(v -> v.containerPath() + "=" + v.persistenceId()).toList();
    }

    private static TaskLaunch launch(ServiceTestRunner.Context run, String taskName) {
        List<TaskLaunch> launches = run.cluster().launched().stream()
                .filter(l -> l.fullName().equals(taskName)).toList();
        assertThat(launches).as("launches of " + taskName).isNotEmpty();
        return launches.get(launches.size() - 1);
    }
}
