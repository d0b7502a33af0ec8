package io.stratum.sdk.spec;

import io.stratum.sdk.internal.spec.SpecJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.stratum.sdk.internal.plan.Phase;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.internal.plan.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loads the DC/OS SDK's Cassandra and HDFS services (see {@code shared/compat/dcos-frameworks/README.md})
 * rendered with their package defaults: the scheduler environment a DC/OS install gave them,
 * built by {@link DcosPackage} from each package's {@code config.json} and
 * {@code marathon.json.mustache}. Both must validate with no problems.
 */
class DcosFrameworksCompatibilityTest {
    private static final String CORPUS = "shared/compat/dcos-frameworks";

    private static Path corpus;

    @BeforeAll
    static void findCorpus() {
        corpus = DcosPackage.locate(CORPUS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cassandra", "hdfs"})
    void theServiceValidatesWithItsPackageDefaults(String service) throws IOException {
        ServiceSpec spec = load(service);

        assertThat(spec.name()).isEqualTo(service);
        assertThat(SpecJson.fromJson(SpecJson.toJson(spec))).as("%s after a JSON round trip", service).isEqualTo(spec);
    }

    @Test
    void theDefaultSchedulerEnvironmentHasThePackageDefaults() {
        assertThat(schedulerEnv("cassandra")).containsEntry("SERVICE_NAME", "cassandra")
                .containsEntry("NODES", "3")
                .containsEntry("CASSANDRA_CPUS", "0.5")
                .containsEntry("TASKCFG_ALL_SECURE_JMX_ENABLED", "false")
                .containsEntry("CASSANDRA_URI", "https://artifacts.example.invalid/cassandra/cassandra-tar-gz")
                .containsEntry("PORT_API", DcosPackage.MARATHON_PORT);
        assertThat(schedulerEnv("hdfs")).containsEntry("FRAMEWORK_NAME", "hdfs")
                .containsEntry("DATA_COUNT", "3")
                .containsEntry("DEPLOY_STRATEGY", "parallel")
                .containsEntry("HDFS_URI", "https://artifacts.example.invalid/hdfs/hdfs-tar-gz");
    }

    @Test
    void cassandraTasksShareResourceSetsAndSeedKeyspacesOnTheFirstNodeOnly() throws IOException {
        ServiceSpec spec = load("cassandra");

        PodSpec node = spec.pod("node");
        assertThat(node.count()).isEqualTo(3);
        assertThat(node.tasks()).containsKeys("server", "repair", "backup-schema", "init_system_keyspaces");
        assertThat(node.resourcesOf(node.task("server"))).isSameAs(node.resourceSets().get("server-resources"));
        assertThat(node.resourcesOf(node.task("init_system_keyspaces")))
                .isSameAs(node.resourceSets().get("sidecar-resources"));
        assertThat(node.task("server").cpus()).isNull();
        assertThat(spec.plans()).containsKeys("deploy", "replace", "repair", "cleanup", "backup-s3", "restore-s3");
        assertThat(spec.plans().get("deploy").phases().get("keyspace-deploy").steps()).containsExactly(
                new StepSpec(0, List.of(List.of("init_system_keyspaces"))),
                new StepSpec(null, List.of()));

        Phase keyspaces = PlanFactory.plans(spec).get("deploy").phases().get(1);
        assertThat(keyspaces.name()).isEqualTo("keyspace-deploy");
        assertThat(keyspaces.steps()).singleElement().satisfies(step -> {
            assertThat(step.podInstance().name()).isEqualTo("node-0");
            assertThat(step.tasks()).containsExactly("init_system_keyspaces");
        });
    }

    @Test
    void hdfsDeploysJournalThenNameThenZkfcThenData() throws IOException {
        ServiceSpec spec = load("hdfs");

        assertThat(spec.plans().get("deploy").phases()).containsOnlyKeys("journal", "name", "zkfc", "data");
        List<String> firstNameNode = PlanFactory.plans(spec).get("deploy").phases().get(1).steps().stream()
                .filter(step -> step.podInstance().name().equals("name-0")).map(Step::name).toList();
        assertThat(firstNameNode).containsExactly("name-0:[format]", "name-0:[node]");
        PodSpec data = spec.pod("data");
        assertThat(data.task("node").cpus()).isEqualTo(0.3);
        assertThat(data.task("node").volumes()).containsOnlyKeys("data-data");
        assertThat(spec.pod("name").task("zkfc").essential()).isFalse();
    }

    private static Map<String, String> schedulerEnv(String service) {
        return new DcosPackage(corpus.resolve(service).resolve("universe"), service).schedulerEnv(Map.of());
    }

    private static ServiceSpec load(String service) throws IOException {
        Path svc = corpus.resolve(service).resolve("dist").resolve("svc.yml");
        try {
            return SpecLoader.builder().withEnv(schedulerEnv(service)).build().load(svc);
        } catch (SpecException e) {
            List<String> problems = e.problems().stream().map(SpecProblem::format).toList();
            return fail("%s should validate with its package defaults, but:%n%s", svc, String.join("\n", problems));
        }
    }
}
