package io.stratum.sdk.spec;

import static io.stratum.sdk.spec.SpecFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.placement.PlacementPreference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The valid fixtures under {@code specs/valid/} load with the values their features mean. */
class ValidSpecTest {

    @Test
    void tasksShareAResourceSetWithItsPortsAndVolume() {
        PodSpec pod = valid("resource-sets.yml").pod("hello");

        ResourceSetSpec shared = pod.resourceSets().get("shared");
        assertThat(pod.resourcesOf(pod.task("server"))).isSameAs(shared).isSameAs(pod.resourcesOf(pod.task("init")));
        assertThat(shared.cpus()).isEqualTo(1.5);
        assertThat(shared.gpus()).isEqualTo(1.0);
        assertThat(shared.memory()).isEqualTo(2048.0);
        assertThat(shared.volumes()).containsOnlyKeys("data");
        assertThat(pod.task("init").goal()).isEqualTo(Goal.FINISH);
        assertThat(pod.task("server").cpus()).isNull();
    }

    @Test
    void portsAreStaticOrDynamicWithinRangesWhoseEndMayBeOpen() {
        ResourceSetSpec shared = valid("resource-sets.yml").pod("hello").resourceSets().get("shared");

        PortSpec http = shared.ports().get("http");
        assertThat(http.isDynamic()).isFalse();
        assertThat(http.port()).isEqualTo(8080);
        assertThat(http.advertise()).isTrue();
        assertThat(http.vip()).isEqualTo(new VipSpec("web", 80, "tcp"));
        PortSpec metrics = shared.ports().get("metrics");
        assertThat(metrics.isDynamic()).isTrue();
        assertThat(metrics.envKey()).isEqualTo("METRICS_PORT");
        assertThat(metrics.defaultEnvName()).isEqualTo("PORT_METRICS");
        assertThat(metrics.ranges()).containsExactly(new PortRangeSpec(10_000, 10_100), new PortRangeSpec(20_000, 65_535));
    }

    @Test
    void aSingleVolumeIsNamedAfterItsPathAndVolumesByTheirNames() {
        PodSpec pod = valid("volumes.yml").pod("hello");

        assertThat(pod.volumes()).containsExactly(Map.entry("shared",
                new VolumeSpec("shared", "shared", VolumeType.MOUNT, 10_000, List.of("xfs", "ext4"))));
        assertThat(pod.task("server").volumes()).containsExactly(Map.entry("data",
                new VolumeSpec("data", "data", VolumeType.ROOT, 100, List.of())));
        assertThat(pod.task("worker").volumes()).containsOnlyKeys("cache", "logs");
        assertThat(pod.task("worker").volumes().get("cache").type()).isEqualTo(VolumeType.ROOT);
        assertThat(pod.task("worker").volumes().get("logs").path()).isEqualTo("var/logs");
    }

    @Test
    void checksProbeByHttpTcpOrCommandWithTheirTimings() {
        PodSpec pod = valid("checks.yml").pod("hello");

        assertThat(pod.task("server").healthCheck())
                .isEqualTo(new CheckSpec(new CheckProbe.Http("http", "/health", "https"), 15, 5, 3, 60, 5));
        assertThat(pod.task("server").readinessCheck())
                .isEqualTo(new CheckSpec(new CheckProbe.Tcp("admin"), 5, 0, 10, 0, 1));
        assertThat(pod.task("worker").healthCheck())
                .isEqualTo(new CheckSpec(new CheckProbe.Command("test -f worker.pid"), 10, 0, 10, 0, 3));
        assertThat(pod.task("worker").readinessCheck().interval()).isEqualTo(2);
    }

    @Test
    void placementTakesConstraintsInEitherSyntaxAndSoftPreferences() {
        ServiceSpec spec = valid("placement.yml");

        assertThat(spec.pod("hello").placement().render())
                .isEqualTo("[[\"hostname\",\"UNIQUE\"],[\"@zone\",\"GROUP_BY\",\"3\"]]");
        assertThat(spec.pod("world").placement().render())
                .isEqualTo("[[\"hostname\",\"MAX_PER\",\"2\"],[\"rack_id\",\"LIKE\",\"r[1-3]\"]]");
        assertThat(spec.pod("hello").preferences()).containsExactly(
                new PlacementPreference.Prefer("@zone", "us-east-1a", 2),
                new PlacementPreference.Avoid("rack", "r1", 1),
                new PlacementPreference.Spread("@region", Map.of("us-east-1", 75.0, "us-west-2", 25.0), 1));
    }

    @Test
    void discoverablePodsAndReserveOnlyPhasesAreRead() {
        ServiceSpec spec = valid("discovery.yml");

        assertThat(spec.pod("journal").discoverable()).isTrue();
        assertThat(spec.pod("data").discoverable()).isFalse();
        Map<String, PhaseSpec> phases = spec.plans().get("deploy").phases();
        assertThat(phases.get("place-journals").reserveOnly()).isTrue();
        assertThat(phases.get("place-journals").strategy()).isEqualTo(Strategy.PARALLEL);
        assertThat(phases.get("journals").reserveOnly()).isFalse();
    }

    @Test
    void plansKeepTheirStrategiesAndCustomSteps() {
        Map<String, PlanSpec> plans = valid("plans.yml").plans();

        assertThat(plans).containsOnlyKeys("deploy", "repair");
        PhaseSpec phase = plans.get("deploy").phases().get("hello-deploy");
        assertThat(plans.get("deploy").strategy()).isEqualTo(Strategy.SERIAL);
        assertThat(phase.strategy()).isEqualTo(Strategy.PARALLEL_CANARY);
        assertThat(phase.pod()).isEqualTo("hello");
        assertThat(phase.steps()).containsExactly(
                new StepSpec(0, List.of(List.of("init"), List.of("server", "sidecar"))),
                new StepSpec(null, List.of(List.of("server", "sidecar"))));
        assertThat(plans.get("deploy").phases().get("init-once").steps()).containsExactly(
                new StepSpec(0, List.of(List.of("init"))),
                new StepSpec(null, List.of()));
        assertThat(plans.get("repair").strategy()).isEqualTo(Strategy.PARALLEL);
        assertThat(plans.get("repair").phases().get("restart").strategy()).isEqualTo(Strategy.SERIAL);
    }

    @Test
    void aTaskReservesOnlyTheResourcesItNames() {
        PodSpec pod = valid("partial-resources.yml").pod("hello");

        assertThat(pod.task("server").cpus()).isNull();
        assertThat(pod.resourcesOf(pod.task("server"))).extracting(ResourceSetSpec::cpus, ResourceSetSpec::memory)
                .containsExactly(0.0, 256.0);
        assertThat(pod.task("worker").memory()).isNull();
        assertThat(pod.resourcesOf(pod.task("worker"))).extracting(ResourceSetSpec::cpus, ResourceSetSpec::memory)
                .containsExactly(0.5, 0.0);
        ResourceSetSpec proxy = pod.resourcesOf(pod.task("proxy"));
        assertThat(proxy).extracting(ResourceSetSpec::cpus, ResourceSetSpec::memory).containsExactly(0.0, 0.0);
        assertThat(proxy.ports()).containsOnlyKeys("http");
    }

    @Test
    void resourceSetLimitsApplyToItsTasksUnlessATaskGivesItsOwn() {
        PodSpec pod = valid("resource-limits.yml").pod("hello");

        ResourceLimitsSpec setLimits = new ResourceLimitsSpec(2.0, Double.POSITIVE_INFINITY);
        assertThat(pod.resourceSets().get("shared").resourceLimits()).isEqualTo(setLimits);
        assertThat(pod.resourcesOf(pod.task("server")).resourceLimits()).isEqualTo(setLimits);
        assertThat(pod.resourceLimitsOf(pod.task("server"))).isEqualTo(setLimits);
        assertThat(pod.resourceLimitsOf(pod.task("batch"))).isEqualTo(new ResourceLimitsSpec(Double.POSITIVE_INFINITY, null));
    }

    @Test
    void inlineResourceLimitsTravelWithTheTasksImplicitSet() {
        PodSpec pod = valid("everything.yml").pod("hello");

        assertThat(pod.resourcesOf(pod.task("server")).resourceLimits())
                .isEqualTo(pod.resourceLimitsOf(pod.task("server")))
                .isEqualTo(new ResourceLimitsSpec(2.0, Double.POSITIVE_INFINITY));
    }

    @Test
    void taskNamesMayHoldUnderscoresAsInDcos() {
        ServiceSpec spec = valid("task-names.yml");

        assertThat(spec.pod("node").tasks()).containsOnlyKeys("server", "init_system_keyspaces");
        assertThat(spec.plans().get("deploy").phases().get("keyspace-deploy").steps())
                .containsExactly(new StepSpec(0, List.of(List.of("init_system_keyspaces"))));
    }

    @Test
    void labelsAreAMappingOrDcosText() {
        PodSpec pod = valid("labels.yml").pod("hello");

        assertThat(pod.task("server").labels()).containsExactly(Map.entry("team", "web"), Map.entry("tier", "frontend"));
        assertThat(pod.task("worker").labels()).containsExactly(Map.entry("team", "batch"), Map.entry("tier", "backend"));
    }

    @Test
    void aliasesShareAndMergeKeysOverride() {
        PodSpec pod = valid("aliases.yml").pod("hello");

        TaskSpec server = pod.task("server");
        TaskSpec worker = pod.task("worker");
        assertThat(worker.cmd()).isEqualTo("./worker");
        assertThat(worker.cpus()).isEqualTo(server.cpus()).isEqualTo(0.5);
        assertThat(worker.env()).containsExactlyInAnyOrderEntriesOf(
                Map.of("LOG_LEVEL", "debug", "REGION", "us-east-1", "HOME_REGION", "us-east-1"));
        assertThat(server.env()).containsEntry("LOG_LEVEL", "info");
        assertThat(pod.task("helper")).isEqualTo(new TaskSpec("helper", server.goal(), server.essential(), server.cmd(),
                server.labels(), server.env(), server.configs(), server.cpus(), server.gpus(), server.memory(),
                server.ports(), server.healthCheck(), server.readinessCheck(), server.volumes(), server.resourceSet(),
                server.discovery(), server.killGracePeriod(), server.resourceLimits()));
    }

    @Test
    void quotedNumbersAndBooleansAreRead() {
        PodSpec pod = valid("quoted-values.yml").pod("hello");

        assertThat(pod.count()).isEqualTo(2);
        assertThat(pod.allowDecommission()).isTrue();
        TaskSpec server = pod.task("server");
        assertThat(server.essential()).isFalse();
        assertThat(server.cpus()).isEqualTo(0.5);
        assertThat(server.memory()).isEqualTo(512.0);
        assertThat(server.killGracePeriod()).isEqualTo(30);
        assertThat(server.ports().get("http").port()).isEqualTo(8080);
    }

    @Test
    void configTemplatesAreReadWhenTheSpecLoads() {
        ConfigSpec config = valid("configs.yml").pod("hello").task("server").configs().get("server");

        assertThat(config).isEqualTo(new ConfigSpec("server", "templates/server.conf.mustache", "conf/server.conf",
                "port = {{PORT_HTTP}}\nname = {{TASK_NAME}}\n"));
    }

    @Test
    void templatesRenderVariablesAndSections() {
        ServiceSpec spec = valid("template.yml");

        assertThat(spec.name()).isEqualTo("hello");
        assertThat(spec.pod("hello").count()).isEqualTo(3);
        assertThat(spec.pod("hello").task("server").cmd()).isEqualTo("./server --verbose --color=never");
        assertThat(spec.pod("hello").task("server").env()).containsExactly(Map.entry("SCHEME", "http"));
    }

    @Test
    void theOlderDcosContainerFormGivesImageAndRlimits() {
        PodSpec pod = valid("dcos-container.yml").pod("hello");

        assertThat(pod.image()).isEqualTo("ubuntu:22.04");
        assertThat(pod.rlimits()).containsExactly(Map.entry("RLIMIT_NOFILE", new RLimitSpec("RLIMIT_NOFILE", 1024L, 4096L)));
    }

    @Test
    void optionalFieldsKeepTheirValues() {
        ServiceSpec spec = valid("everything.yml");

        assertThat(spec.name()).isEqualTo("/folder/hello");
        assertThat(spec.webUrl()).isEqualTo("https://hello.example.com/ui");
        assertThat(spec.scheduler()).isEqualTo(new SchedulerSpec("hello-principal", "nobody", "zk-1:2181,zk-2:2181/stratum"));
        PodSpec pod = spec.pod("hello");
        assertThat(pod.image()).isEqualTo("ubuntu:22.04");
        assertThat(pod.user()).isEqualTo("app");
        assertThat(pod.preReservedRole()).isEqualTo("slave_public");
        assertThat(pod.allowDecommission()).isTrue();
        assertThat(pod.beforeDecommission()).containsExactly("drain");
        assertThat(pod.deployedTasks()).containsExactly("server");
        assertThat(pod.sharePidNamespace()).isTrue();
        assertThat(pod.uris()).containsExactly("https://artifacts.example.com/app.tgz");
        assertThat(pod.rlimits().get("RLIMIT_CORE")).isEqualTo(new RLimitSpec("RLIMIT_CORE", null, null));
        assertThat(pod.hostVolumes().get("certs")).isEqualTo(new HostVolumeSpec("certs", "/etc/ssl/certs", "certs", "RO"));
        TaskSpec server = pod.task("server");
        assertThat(server.essential()).isFalse();
        assertThat(server.gpus()).isZero();
        assertThat(server.killGracePeriod()).isEqualTo(30);
        assertThat(server.env()).containsExactly(Map.entry("EMPTY", ""));
        assertThat(server.discovery()).isEqualTo(new DiscoverySpec("web", "EXTERNAL"));
        assertThat(server.resourceLimits()).isEqualTo(new ResourceLimitsSpec(2.0, Double.POSITIVE_INFINITY));
        assertThat(server.ports().get("http").vip()).isEqualTo(new VipSpec("web", 53, "udp"));
    }

    @Test
    void specsWithoutPlansDeclareNone() {
        assertThat(valid("volumes.yml").plans()).isEmpty();
    }
}
