package io.stratum.sdk.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.internal.process.ProcessGroup;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.internal.scheduler.SchedulerLoop;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.backend.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example hello-world service deployed by the real scheduler on the local backend, with the
 * backend's default offer interval; then one task is killed with SIGKILL and recovered in place,
 * its volume's data intact. Prints the two figures of issue 5 ({@code TIMING ...}).
 */
class HelloWorldIT {
    private static final Duration DEPLOY_WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final BackendFixtures fixtures = new BackendFixtures();

    @Test
    void helloWorldDeploysAndAKilledTaskIsRelaunchedInPlaceWithItsVolume() throws Exception {
        ServiceSpec spec = ServiceSpec.load(Path.of("..", "examples", "hello-world", "svc.yml"), Map.of());
        LocalBackend backend = fixtures.build(fixtures.builder().withAgents(3).withServiceName(spec.name())
                .withOfferInterval(Duration.ofSeconds(1)));
        ServiceScheduler scheduler = ServiceScheduler.builder().withBackend(backend).withPersister(Persister.inMemory())
                .build();

        try (SchedulerLoop loop = new SchedulerLoop(scheduler, Duration.ofMillis(200))) {
            long start = System.nanoTime();
            loop.start(spec);
            await().atMost(DEPLOY_WAIT).pollInterval(Recorder.POLL)
                    .until(() -> scheduler.plans().get("deploy").status() == Status.COMPLETE);
            System.out.printf("TIMING hello-world: start to deploy COMPLETE: %.2f s%n", (System.nanoTime() - start) / 1e9);
            assertThat(scheduler.tasks()).extracting(TaskRecord::name)
                    .containsExactlyInAnyOrder("hello-0-server", "world-0-server", "world-1-server");

            TaskRecord hello = running(scheduler, "hello-0-server").orElseThrow();
            // RUNNING comes before the command writes its line: wait for it before the kill.
            Path first = Path.of(backend.taskInfo(hello.taskId()).get("sandbox"), "hello-container-path", "output");
            await().atMost(Recorder.WAIT).pollInterval(Recorder.POLL)
                    .until(() -> LocalFixtures.read(first).equals("hello from hello-0-server\n"));
            long pid = Long.parseLong(backend.taskInfo(hello.taskId()).get("pid"));
            long killed = System.nanoTime();
            new ProcessGroup(pid).signal(ProcessGroup.Signal.KILL);
            await().atMost(DEPLOY_WAIT).pollInterval(Recorder.POLL).until(() -> running(scheduler, "hello-0-server")
                    .filter(r -> !r.taskId().equals(hello.taskId())).isPresent());
            System.out.printf("TIMING hello-world: task killed (SIGKILL) to its relaunch RUNNING: %.2f s%n",
                    (System.nanoTime() - killed) / 1e9);

            TaskRecord relaunched = running(scheduler, "hello-0-server").orElseThrow();
            assertThat(relaunched.agentId()).isEqualTo(hello.agentId());
            Path output = Path.of(backend.taskInfo(relaunched.taskId()).get("sandbox"), "hello-container-path", "output");
            await().atMost(Recorder.WAIT).pollInterval(Recorder.POLL).until(() -> LocalFixtures.read(output).lines().count() == 2);
            assertThat(LocalFixtures.read(output)).isEqualTo("hello from hello-0-server\nhello from hello-0-server\n");
        }
    }

    private static Optional<TaskRecord> running(ServiceScheduler scheduler, String name) {
        return scheduler.tasks().stream().filter(r -> r.name().equals(name))
                .filter(r -> r.lastStatus().map(s -> s.state() == TaskState.RUNNING).orElse(false)).findFirst();
    }
}
