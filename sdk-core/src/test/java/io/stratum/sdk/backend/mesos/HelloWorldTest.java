package io.stratum.sdk.backend.mesos;

import static io.stratum.sdk.backend.mesos.MesosFixture.POLL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.internal.scheduler.SchedulerLoop;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.backend.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real scheduler deploying the example hello-world service through the mesos backend to the test master. */
class HelloWorldTest {
    private static final Duration DEPLOY = Duration.ofSeconds(30);
    private static final Set<String> TASKS = Set.of("hello-0-server", "world-0-server", "world-1-server");

    @RegisterExtension
    final MesosFixture fixture = new MesosFixture();

    private final Persister persister = Persister.inMemory();
    private final List<SchedulerLoop> loops = new ArrayList<>();
    private final List<MesosBackend> backends = new ArrayList<>();
    private ServiceSpec spec;

    @BeforeEach
    void agents() throws Exception {
        spec = ServiceSpec.load(Path.of("..", "examples", "hello-world", "svc.yml"), Map.of());
        for (int i = 1; i <= 3; i++) {
            fixture.cluster.agent("agent-" + i, 2, 2048, 4096);
        }
    }

    @AfterEach
    void stop() {
        loops.forEach(SchedulerLoop::close);
    }

    @Test
    void deploysToCompleteAndRelaunchesAFailedTaskOnItsReservations() throws Exception {
        TestMaster master = fixture.master();
        ServiceScheduler scheduler = start(master);

        awaitComplete(scheduler);
        assertThat(running(scheduler)).extracting(TaskRecord::name).containsExactlyInAnyOrderElementsOf(TASKS);
        assertThat(launchedTaskNames()).hasSize(3);

        TaskRecord hello = task(scheduler, "hello-0-server").orElseThrow();
        fixture.cluster.fail(hello.taskId());
        await().atMost(DEPLOY).pollInterval(POLL).until(() -> task(scheduler, "hello-0-server")
                .filter(t -> !t.taskId().equals(hello.taskId())).isPresent());

        TaskRecord relaunched = task(scheduler, "hello-0-server").orElseThrow();
        assertThat(relaunched.agentId()).isEqualTo(hello.agentId());
        List<JsonNode> groups = taskInfos("hello-0-server");
        assertThat(groups).hasSize(2);
        assertThat(resourceIds(groups.get(1))).isEqualTo(resourceIds(groups.get(0)));
    }

    @Test
    void aDroppedStreamMidDeployLosesNothing() throws Exception {
        TestMaster master = fixture.master();
        ServiceScheduler scheduler = start(master);
        await().atMost(DEPLOY).pollInterval(POLL).until(() -> !running(scheduler).isEmpty());

        fixture.cluster.dropStream();

        awaitComplete(scheduler);
        assertThat(fixture.cluster.subscriptions).isEqualTo(2);
        assertThat(running(scheduler)).extracting(TaskRecord::name).containsExactlyInAnyOrderElementsOf(TASKS);
    }

    @Test
    void aLaunchWhoseOfferVanishedIsPlacedAgain() throws Exception {
        TestMaster master = fixture.master();
        fixture.cluster.voidNextAccept = true;

        ServiceScheduler scheduler = start(master);

        awaitComplete(scheduler);
        assertThat(launchedTaskNames()).filteredOn("hello-0-server"::equals).hasSize(2);
        assertThat(running(scheduler)).extracting(TaskRecord::name).containsExactlyInAnyOrderElementsOf(TASKS);
    }

    @Test
    void aMasterFailoverMidDeployLosesNothing() throws Exception {
        TestMaster leader = fixture.master();
        TestMaster standby = fixture.master();
        standby.redirectTo = leader;
        ServiceScheduler scheduler = start(standby);
        await().atMost(DEPLOY).pollInterval(POLL).until(() -> !running(scheduler).isEmpty());

        standby.redirectTo = null;
        leader.close();

        awaitComplete(scheduler);
        assertThat(running(scheduler)).extracting(TaskRecord::name).containsExactlyInAnyOrderElementsOf(TASKS);
    }

    @Test
    void aRestartedSchedulerSubscribesAsTheSameFrameworkAndLaunchesNothingAgain() throws Exception {
        TestMaster master = fixture.master();
        ServiceScheduler first = start(master);
        awaitComplete(first);
        String frameworkId = fixture.cluster.frameworkId;
        loops.get(0).close();
        backends.get(0).close();

        ServiceScheduler second = start(master);

        await().atMost(DEPLOY).pollInterval(POLL).until(() -> fixture.cluster.calls("RECONCILE").size() >= 4);
        awaitComplete(second);
        assertThat(Wire.idOf(fixture.cluster.calls("SUBSCRIBE").get(1), "framework_id")).contains(frameworkId);
        assertThat(fixture.cluster.frameworkId).isEqualTo(frameworkId);
        assertThat(launchedTaskNames()).hasSize(3);
    }

    private ServiceScheduler start(TestMaster master) throws Exception {
        MesosBackend backend = fixture.builder(master.uri().toString()).build();
        fixture.track(backend);
        backends.add(backend);
        ServiceScheduler scheduler = ServiceScheduler.builder().withBackend(backend).withPersister(persister).build();
        SchedulerLoop loop = new SchedulerLoop(scheduler, Duration.ofMillis(100));
        loops.add(loop);
        loop.start(spec);
        return scheduler;
    }

    private void awaitComplete(ServiceScheduler scheduler) {
        try {
            await().atMost(DEPLOY).pollInterval(POLL).until(() -> scheduler.plans().get("deploy").status() == Status.COMPLETE);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("DEBUG plan " + scheduler.plans().get("deploy"));
            scheduler.tasks().forEach(t -> System.out.println("DEBUG task " + t.name() + " " + t.taskId() + " " + t.lastStatus()));
            fixture.cluster.calls.forEach(c -> System.out.println("DEBUG call " + c.path("type").asText() + " " + c.toString().substring(0, Math.min(300, c.toString().length()))));
            throw e;
        }
    }

    private static List<TaskRecord> running(ServiceScheduler scheduler) {
        return scheduler.tasks().stream()
                .filter(r -> r.lastStatus().map(s -> s.state() == TaskState.RUNNING).orElse(false)).toList();
    }

    private static Optional<TaskRecord> task(ServiceScheduler scheduler, String name) {
        return running(scheduler).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** @return the name of every task launched, once per launch */
    private List<String> launchedTaskNames() {
        List<String> names = new ArrayList<>();
        fixture.cluster.calls("ACCEPT").forEach(c -> c.findValues("task_group")
                .forEach(g -> g.path("tasks").forEach(t -> names.add(t.path("name").asText()))));
        return names;
    }

    private List<JsonNode> taskInfos(String name) {
        List<JsonNode> infos = new ArrayList<>();
        fixture.cluster.calls("ACCEPT").forEach(c -> c.findValues("task_group").forEach(g -> g.path("tasks")
                .forEach(t -> {
                    if (t.path("name").asText().equals(name)) {
                        infos.add(t);
                    }
                })));
        return infos;
    }

    private static Set<String> resourceIds(JsonNode taskInfo) {
        return StreamSupport.stream(taskInfo.path("resources").spliterator(), false).map(FakeAgent::resourceId)
                .collect(Collectors.toSet());
    }
}
