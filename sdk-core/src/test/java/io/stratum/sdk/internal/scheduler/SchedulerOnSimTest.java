package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.sim.SimTask;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerOnSimTest {
    static final String SPEC = """
            name: hello-world
            pods:
              hello:
                count: 2
                placement: hostname:UNIQUE
                allow-decommission: true
                tasks:
                  server:
                    cmd: serve
                    cpus: 0.5
                    memory: 256
                    volume: {path: data, type: ROOT, size: 512}
                    ports: {http: {port: 0, advertise: true}}
                    readiness-check: {cmd: ready, interval: 1}
              world:
                count: 1
                tasks:
                  server: {cmd: serve, cpus: 0.5, memory: 128}
            plans:
              deploy:
                strategy: serial
                phases:
                  hello-deploy: {pod: hello, strategy: serial}
                  world-deploy: {pod: world, strategy: parallel}
            """;

    static ServiceSpec spec(String yaml) {
        try {
            return SpecLoader.builder().build().load("svc.yml", yaml, Path.of("."));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ServiceTestRunner runner(String yaml) {
        return ServiceTestRunner.builder(spec(yaml)).build();
    }

    @Test
    void deploysEveryPodToCompleteAndThenSuppressesOffers() {
        var context = runner(SPEC).run(
                Send.offersUntilComplete("deploy", 20),
                Expect.planStatus("deploy", Status.COMPLETE),
                Expect.taskRunning("hello-0-server"),
                Expect.taskRunning("hello-1-server"),
                Expect.taskRunning("world-0-server"),
                Expect.launches("hello-0-server", 1),
                Expect.suppressed());

        List<SimTask> hello = context.cluster().liveTasks().stream().filter(t -> t.name().startsWith("hello")).toList();
        assertThat(hello).extracting(SimTask::agentId).doesNotHaveDuplicates();
        assertThat(context.scheduler().tasks()).hasSize(3);
    }

    @Test
    void aSerialPhaseLaunchesOneInstanceAtATimeWaitingForReadiness() {
        runner(SPEC).run(
                Send.offers(),
                Expect.launches("hello-0-server", 1),
                Expect.launches("hello-1-server", 0),
                Send.offers(),
                Expect.launches("hello-1-server", 1));
    }

    @Test
    void relaunchKeepsTheAgentResourceIdsAndVolumeOfTheFirstLaunch() {
        var context = runner(SPEC).run(Send.offersUntilComplete("deploy", 20));
        TaskRecord first = record(context, "hello-0-server");
        String agent = context.liveTask("hello-0-server").agentId();

        Send.failure("hello-0-server").run(context);
        Send.offers().run(context);

        TaskRecord second = record(context, "hello-0-server");
        assertThat(second.taskId()).isNotEqualTo(first.taskId());
        assertThat(second.agentId()).isEqualTo(agent);
        assertThat(second.resourceIds()).containsExactlyInAnyOrderElementsOf(first.resourceIds());
        assertThat(second.volumeIds()).containsExactlyElementsOf(first.volumeIds());
        assertThat(context.cluster().volumes(agent)).hasSize(1);
    }

    @Test
    void repeatedFailuresBackOff() {
        var context = ServiceTestRunner.builder(spec(SPEC))
                .withSettings(SchedulerSettings.DEFAULT.withBackoff(new Backoff(Duration.ofSeconds(10), 2, Duration.ofMinutes(1))))
                .build().run(Send.offersUntilComplete("deploy", 20));
        Send.failure("world-0-server").run(context);
        Send.offers().run(context);
        Send.failure("world-0-server").run(context);
        Send.offers().run(context);

        assertThat(context.scheduler().plans().get("recovery").status()).isEqualTo(Status.DELAYED);
        Expect.launches("world-0-server", 2).run(context);
        Send.time(Duration.ofSeconds(10)).run(context);
        Send.offers().run(context);
        Expect.launches("world-0-server", 3).run(context);
    }

    @Test
    void aRestartedSchedulerResumesWithoutRelaunchingAnything() {
        runner(SPEC).run(
                Send.offers(),
                Send.schedulerRestart(),
                Send.offersUntilComplete("deploy", 20),
                Expect.planStatus("deploy", Status.COMPLETE),
                Expect.launches("hello-0-server", 1),
                Expect.launches("hello-1-server", 1),
                Expect.launches("world-0-server", 1),
                Send.schedulerRestart(),
                Send.offers(),
                Expect.planStatus("deploy", Status.COMPLETE),
                Expect.launches("hello-0-server", 1));
    }

    @Test
    void podReplaceMovesToFreshResourcesAndReleasesTheOldOnes() {
        var context = runner(SPEC).run(Send.offersUntilComplete("deploy", 20));
        TaskRecord before = record(context, "hello-0-server");

        Send.podReplace("hello-0").run(context);
        Send.offers().run(context);
        Send.offers().run(context);

        TaskRecord after = record(context, "hello-0-server");
        assertThat(after.resourceIds()).doesNotContainAnyElementsOf(before.resourceIds());
        assertThat(after.volumeIds()).doesNotContainAnyElementsOf(before.volumeIds());
        assertThat(context.cluster().volumes(before.agentId()).stream()
                .map(r -> r.volume().orElseThrow().persistenceId())).doesNotContainAnyElementsOf(before.volumeIds());
    }

    @Test
    void aReplacementOnItsOldAgentDestroysItsOldVolumeInTheSameAccept() {
        var context = ServiceTestRunner.builder(spec(SPEC.replace("count: 2", "count: 1")))
                .withCluster(() -> io.stratum.sdk.backend.sim.SimCluster.builder()
                        .agents(1, a -> a.cpus(4).mem(8192).disk(32_768).ports(10_000, 20_000)))
                .build().run(Send.offersUntilComplete("deploy", 20), Expect.suppressed());
        TaskRecord before = record(context, "hello-0-server");

        Send.podReplace("hello-0").run(context);
        Send.offers().run(context);

        assertThat(record(context, "hello-0-server").agentId()).isEqualTo(before.agentId());
        assertThat(context.cluster().volumes(before.agentId()).stream()
                .map(r -> r.volume().orElseThrow().persistenceId())).doesNotContainAnyElementsOf(before.volumeIds());
        assertThat(context.cluster().reservations(before.agentId()).stream().map(r -> r.resourceId().orElse("")))
                .doesNotContainAnyElementsOf(before.resourceIds());
        Send.offers().run(context);
        Expect.suppressed().run(context);
    }

    @Test
    void aConfigUpdateRollsOnlyThePodsThatChanged() {
        var context = runner(SPEC).run(Send.offersUntilComplete("deploy", 20));

        Send.configUpdate(spec(SPEC.replace("server: {cmd: serve, cpus: 0.5, memory: 128}",
                "server: {cmd: serve --v2, cpus: 0.5, memory: 128}"))).run(context);
        Send.offersUntilComplete("deploy", 20).run(context);

        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        Expect.launches("world-0-server", 2).run(context);
        Expect.launches("hello-0-server", 1).run(context);
        assertThat(context.liveTask("world-0-server").launch().spec().cmd()).isEqualTo("serve --v2");
    }

    @Test
    void aRejectedConfigUpdateKeepsTheTargetAndThePlansAndCanBeReadBack() {
        var context = runner(SPEC).run(Send.offersUntilComplete("deploy", 20));
        var target = context.scheduler().targetId();
        Instant now = context.now();

        List<String> errors = context.scheduler().updateConfig(spec(SPEC.replace("size: 512", "size: 1024")));

        assertThat(errors).containsExactly("pods.hello.tasks.server.volumes.data: volumes cannot change: volume 'data' "
                + "changed from ROOT 512 MB at 'data' to ROOT 1024 MB at 'data'");
        assertThat(context.scheduler().targetId()).isEqualTo(target);
        assertThat(context.scheduler().plans().get("deploy").status()).isEqualTo(Status.COMPLETE);
        assertThat(context.scheduler().plans().get("deploy").errors()).isEmpty();
        assertThat(context.scheduler().lastRefused()).hasValueSatisfying(refusal -> {
            assertThat(refusal.errors()).isEqualTo(errors);
            assertThat(refusal.time()).isEqualTo(now);
        });
    }

    @Test
    void scalingInDecommissionsTheHighestIndexAndReleasesItsResources() {
        var context = runner(SPEC).run(Send.offersUntilComplete("deploy", 20));
        TaskRecord gone = record(context, "hello-1-server");

        Send.configUpdate(spec(SPEC.replace("count: 2", "count: 1"))).run(context);
        Send.offers().run(context);
        Send.offers().run(context);

        assertThat(context.scheduler().plans().get("decommission").status()).isEqualTo(Status.COMPLETE);
        assertThat(context.scheduler().tasks()).extracting(TaskRecord::name).doesNotContain("hello-1-server");
        assertThat(context.cluster().reservations(gone.agentId()).stream().map(r -> r.resourceId().orElse("")))
                .doesNotContainAnyElementsOf(gone.resourceIds());
        Expect.taskRunning("hello-0-server").run(context);
    }

    @Test
    void aCustomPlanPassesItsParametersToTheTasks() {
        String yaml = SPEC + """
                  backup:
                    phases:
                      run: {pod: world, steps: [{default: [[backup]]}]}
                """;
        yaml = yaml.replace("server: {cmd: serve, cpus: 0.5, memory: 128}",
                "server: {cmd: serve, cpus: 0.5, memory: 128}\n      backup: {cmd: save, cpus: 0.1, memory: 32, goal: FINISH}");
        var context = runner(yaml).run(
                Send.offersUntilComplete("deploy", 20),
                Expect.planStatus("backup", Status.WAITING),
                Send.planStart("backup", Map.of("TARGET", "s3://bucket")),
                Send.offersUntilComplete("backup", 10),
                Expect.planStatus("backup", Status.COMPLETE));

        var launch = context.cluster().launched().stream().filter(l -> l.fullName().equals("world-0-backup"))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(launch.env()).containsEntry("TARGET", "s3://bucket");
    }

    @Test
    void pauseRelaunchesInPlaceWithAnIdleCommandAndResumeRestoresTheRealOne() {
        var context = runner(SPEC).run(Send.offersUntilComplete("deploy", 20));
        String agent = context.liveTask("hello-0-server").agentId();

        context.scheduler().pausePod("hello-0");
        Send.offers().run(context);
        Send.offers().run(context);

        SimTask paused = context.liveTask("hello-0-server");
        assertThat(paused.launch().spec().cmd()).isEqualTo(PodCommands.IDLE_COMMAND);
        assertThat(paused.launch().spec().readinessCheck()).isNull();
        assertThat(paused.agentId()).isEqualTo(agent);
        assertThat(context.scheduler().pausedPods()).extracting(p -> p.name()).containsExactly("hello-0");
        assertThat(context.scheduler().plans().get("recovery").status()).isEqualTo(Status.COMPLETE);

        Send.schedulerRestart().run(context);
        assertThat(context.scheduler().pausedPods()).extracting(p -> p.name()).containsExactly("hello-0");

        context.scheduler().resumePod("hello-0");
        Send.offers().run(context);
        Send.offers().run(context);

        assertThat(context.liveTask("hello-0-server").launch().spec().cmd()).isEqualTo("serve");
        assertThat(context.scheduler().pausedPods()).isEmpty();
        Expect.launches("hello-0-server", 3).run(context);
    }

    @Test
    void aPodFailingLongerThanThePermanentFailureTimeoutIsReplacedOnFreshResources() {
        var context = ServiceTestRunner.builder(spec(SPEC))
                .withSettings(SchedulerSettings.DEFAULT.withPermanentFailureTimeout(Duration.ofMinutes(5)))
                .build().run(Send.offersUntilComplete("deploy", 20));
        TaskRecord before = record(context, "hello-0-server");
        context.cluster().script("hello-0-server", io.stratum.sdk.backend.sim.TaskBehaviour.failOnStart("crash"));

        Send.failure("hello-0-server").run(context);
        for (int i = 0; i < 10; i++) {
            Send.offers().run(context);
        }
        assertThat(record(context, "hello-0-server").resourceIds()).containsExactlyInAnyOrderElementsOf(before.resourceIds());

        context.cluster().clearScripts();
        Send.time(Duration.ofMinutes(5)).run(context);
        Send.offers().run(context);
        Send.offers().run(context);

        TaskRecord after = record(context, "hello-0-server");
        assertThat(after.resourceIds()).doesNotContainAnyElementsOf(before.resourceIds());
        assertThat(after.volumeIds()).doesNotContainAnyElementsOf(before.volumeIds());
        Expect.taskRunning("hello-0-server").run(context);
    }

    @Test
    void aLaunchOnAnOfferThatWentStaleIsPlacedAnew() {
        var context = runner(SPEC).run();
        context.cluster().sendOffers(true);
        context.cluster().sendOffers(true);
        context.settle();

        assertThat(context.scheduler().tasks()).anySatisfy(t -> assertThat(t.lastStatus().orElseThrow().state())
                .isEqualTo(io.stratum.sdk.backend.TaskState.DROPPED));
        Send.offersUntilComplete("deploy", 20).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        Expect.taskRunning("hello-0-server").run(context);
    }

    private static TaskRecord record(ServiceTestRunner.Context context, String name) {
        return context.scheduler().tasks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
