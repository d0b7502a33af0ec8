package io.stratum.sdk.spec;

import io.stratum.sdk.internal.spec.SpecJson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the 39 hello-world specs of the DC/OS SDK (see {@code shared/compat/dcos-helloworld/README.md})
 * with the scheduler environment DC/OS gave them. Each must load, or fail only with
 * "not supported" problems, and exactly the specs listed in {@link #EXPECTED_UNSUPPORTED} fail.
 */
class DcosCompatibilityTest {
    private static final String CORPUS = "shared/compat/dcos-helloworld";
    private static final int CORPUS_SIZE = 39;

    /** The specs that need DC/OS-only features, with the problems naming them, in file order. */
    private static final Map<String, List<String>> EXPECTED_UNSUPPORTED = new TreeMap<>(Map.of(
            "external-volumes.yml", List.of(
                    externalVolumes("pods.hello"),
                    externalVolumes("pods.world")),
            "gpu_resource.yml", List.of(
                    overlay("pods.hello.container")),
            "overlay.yml", List.of(
                    overlay("pods.overlay-vip"),
                    overlay("pods.overlay"),
                    overlay("pods.getter")),
            "secrets.yml", List.of(
                    "pods.hello.secrets: not supported: secrets (the DC/OS secret store)",
                    "pods.world.secrets: not supported: secrets (the DC/OS secret store)"),
            "shm.yml", List.of(
                    "pods.hello.ipc-mode: not supported: ipc-mode (Mesos IPC namespace isolation)",
                    "pods.hello.shm-size: not supported: shm-size (Mesos /dev/shm isolation)",
                    "pods.hello.tasks.server.ipc-mode: not supported: ipc-mode (Mesos IPC namespace isolation)"),
            "tls.yml", List.of(
                    tls("pods.artifacts.tasks.node"),
                    overlay("pods.keystore"),
                    tls("pods.keystore.tasks.webserver"),
                    overlay("pods.nginx"),
                    tls("pods.nginx.tasks.nginx"),
                    tls("pods.discovery.tasks.node"),
                    tls("pods.multi.tasks.first"),
                    tls("pods.multi.tasks.second"))));

    /**
     * Options the DC/OS SDK's integration tests installed some specs with, because the package's
     * defaults leave the variables those specs need unset.
     */
    private static final Map<String, Map<String, String>> OPTIONS = Map.of(
            // frameworks/helloworld/tests/test_secrets.py, secret_options
            "secrets.yml", Map.of(
                    "hello.secret1", "hello-world/secret1",
                    "hello.secret2", "hello-world/secret2",
                    "world.secret1", "hello-world/secret1",
                    "world.secret2", "hello-world/secret2",
                    "world.secret3", "hello-world/secret3"),
            // frameworks/helloworld/tests/test_profile_mount_volumes.py, configure_package
            "pod-profile-mount-volume.yml", Map.of(
                    "hello.volume_profile", "xfs",
                    "service.test_profile_volume_command", "df -t xfs"),
            // the same options: the profile volume specs share the HELLO_VOLUME_PROFILE variable
            "profile-mount-volume.yml", Map.of(
                    "hello.volume_profile", "xfs",
                    "service.test_profile_volume_command", "df -t xfs"));

    /**
     * Scheduler variables that are no package option: the DC/OS SDK's own tests set them directly
     * in the scheduler's environment.
     */
    private static final Map<String, Map<String, String>> EXTRA_ENV = Map.of(
            // frameworks/helloworld/src/test/java/.../scheduler/ServiceTest.java, testExampleSpecs
            "custom_steps.yml", Map.of(
                    "DEPLOY_STRATEGY", "serial",
                    "DEPLOY_STEPS", "[[first, second, third]]"));

    private static Path corpus;
    private static DcosPackage dcosPackage;

    @BeforeAll
    static void findCorpus() {
        corpus = DcosPackage.locate(CORPUS);
        dcosPackage = new DcosPackage(corpus.resolve("universe"), "hello-world");
    }

    @Test
    void theCorpusHoldsAllThirtyNineSpecs() throws IOException {
        assertThat(specs()).hasSize(CORPUS_SIZE);
    }

    @Test
    void everySpecLoadsOrNeedsOnlyUnsupportedDcosFeatures() throws IOException {
        assertThat(specs()).hasSize(CORPUS_SIZE);
        Map<String, List<String>> unsupported = new TreeMap<>();
        Map<String, List<String>> otherProblems = new TreeMap<>();
        for (Path spec : specs()) {
            String name = spec.getFileName().toString();
            try {
                ServiceSpec loaded = SpecLoader.builder().withEnv(schedulerEnv(name)).build().load(spec);
                assertThat(SpecJson.fromJson(SpecJson.toJson(loaded))).as("%s after a JSON round trip", name)
                        .isEqualTo(loaded);
            } catch (SpecException e) {
                List<String> messages = e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
                if (e.problems().stream().allMatch(p -> p.message().startsWith("not supported: "))) {
                    unsupported.put(name, messages);
                } else {
                    otherProblems.put(name, e.problems().stream().map(SpecProblem::format).toList());
                }
            }
        }
        assertThat(otherProblems).as("specs failing for other reasons than unsupported features").isEmpty();
        assertThat(unsupported).isEqualTo(EXPECTED_UNSUPPORTED);
    }

    @Test
    void theDefaultSchedulerEnvironmentHasThePackageDefaults() {
        Map<String, String> env = schedulerEnv("svc.yml");
        assertThat(env).containsEntry("FRAMEWORK_NAME", "hello-world")
                .containsEntry("HELLO_PLACEMENT", "[[\"hostname\", \"UNIQUE\"]]")
                .containsEntry("HELLO_COUNT", "1")
                .containsEntry("ENABLE_BACKOFF", "true")
                .containsEntry("PORT_API", DcosPackage.MARATHON_PORT)
                .containsEntry("PORT0", DcosPackage.MARATHON_PORT)
                .containsEntry("BOOTSTRAP_URI", "https://artifacts.example.invalid/hello-world/bootstrap.zip")
                .doesNotContainKeys("HELLO_SECRET1", "HELLO_VOLUME_PROFILE", "SERVICE_REGION");
    }

    @Test
    void theDefaultSpecGetsThePackageDefaults() throws Exception {
        ServiceSpec spec = load("svc.yml");

        assertThat(spec.name()).isEqualTo("hello-world");
        assertThat(spec.scheduler().user()).isEqualTo("nobody");
        PodSpec hello = spec.pod("hello");
        assertThat(hello.count()).isEqualTo(1);
        assertThat(hello.placement().render()).isEqualTo("[[\"hostname\",\"UNIQUE\"]]");
        assertThat(hello.rlimits()).containsValue(new RLimitSpec("RLIMIT_NOFILE", 128_000L, 128_000L));
        assertThat(hello.task("server").cpus()).isEqualTo(0.1);
        assertThat(hello.task("server").labels()).isEmpty();
        assertThat(spec.pod("world").count()).isEqualTo(2);
        assertThat(spec.pod("world").task("server").readinessCheck().interval()).isEqualTo(5);
    }

    @Test
    void specsGetTheVariablesTheDcosTestsGaveThem() throws Exception {
        assertThat(load("custom_steps.yml").plans().get("deploy").phases().get("deploy").steps())
                .containsExactly(new StepSpec(null, List.of(List.of("first", "second", "third"))));
        assertThat(load("web-url.yml").webUrl()).isEqualTo("http://hello-world.marathon.mesos:" + DcosPackage.MARATHON_PORT);
        assertThat(load("pod-profile-mount-volume.yml").pod("hello").volumes().values())
                .allSatisfy(volume -> assertThat(volume.profiles()).containsExactly("xfs"));
    }

    private static ServiceSpec load(String spec) throws Exception {
        return SpecLoader.builder().withEnv(schedulerEnv(spec)).build().load(corpus.resolve("dist").resolve(spec));
    }

    private static String overlay(String pod) {
        return pod + ".networks: not supported: virtual network 'dcos' (DC/OS overlay networks); "
                + "tasks use the agent's host network";
    }

    private static String tls(String task) {
        return task + ".transport-encryption: not supported: transport-encryption (TLS certificates from the DC/OS CA)";
    }

    private static String externalVolumes(String pod) {
        return pod + ".external-volumes: not supported: external-volumes (DC/OS external Docker volume drivers)";
    }

    private static Map<String, String> schedulerEnv(String spec) {
        Map<String, String> env = new LinkedHashMap<>(dcosPackage.schedulerEnv(OPTIONS.getOrDefault(spec, Map.of())));
        env.putAll(EXTRA_ENV.getOrDefault(spec, Map.of()));
        return env;
    }

    private static List<Path> specs() throws IOException {
        try (Stream<Path> files = Files.list(corpus.resolve("dist"))) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().collect(Collectors.toList());
        }
    }
}
