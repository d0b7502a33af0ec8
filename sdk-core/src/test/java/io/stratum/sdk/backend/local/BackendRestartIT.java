package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.BackendFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.internal.process.ProcessGroup;
import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scheduler restart: the first backend is closed (its tasks run on), then one task is killed
 * with SIGKILL and another exits 0 while no backend watches; a second backend over the same work
 * dir takes over.
 */
class BackendRestartIT {
    private static final String SPEC = """
            name: svc
            pods:
              keep:
                count: 1
                tasks:
                  server:
                    goal: RUNNING
                    cmd: touch ready && exec sleep 1000
                    cpus: 0.1
                    memory: 32
                    readiness-check:
                      cmd: test -f ready
                      interval: 1
                      delay: 0
                      timeout: 1
                    health-check:
                      cmd: test ! -f sick
                      interval: 1
                      delay: 0
                      timeout: 1
                      max-consecutive-failures: 1
              die:
                count: 1
                tasks:
                  server:
                    goal: RUNNING
                    cmd: exec sleep 1000
                    cpus: 0.1
                    memory: 32
              done:
                count: 1
                tasks:
                  batch:
                    goal: FINISH
                    cmd: while [ ! -f stop ]; do sleep 0.05; done
                    cpus: 0.1
                    memory: 32
            """;

    @RegisterExtension
    final BackendFixtures fixtures = new BackendFixtures();
    private String keep;
    private String die;
    private String done;
    private long keepPid;
    private EvaluationResult.Success keepLaunch;
    private BackendFixtures.Started second;

    @BeforeEach
    void launchCloseAndRestart() throws IOException {
        BackendFixtures.Started first = fixtures.start();
        keepLaunch = launch(first, "keep");
        keep = taskId(keepLaunch);
        die = taskId(launch(first, "die"));
        done = taskId(launch(first, "done"));
        first.events().await(keep, s -> s.readiness() == CheckState.PASSED);
        first.events().await(die, TaskState.RUNNING);
        first.events().await(done, TaskState.RUNNING);
        keepPid = pid(first, keep);
        long diePid = pid(first, die);

        first.backend().close();
        new ProcessGroup(diePid).signal(ProcessGroup.Signal.KILL);
        Files.createFile(fixtures.sandbox(done).resolve("stop"));
        await().atMost(Recorder.WAIT).until(() -> new ProcessGroup(diePid).isEmpty()
                && Files.exists(fixtures.sandbox(done).resolve(".stratum/exit-code")));

        second = fixtures.start();
    }

    private EvaluationResult.Success launch(BackendFixtures.Started started, String name) {
        PodSpec pod = fixtures.pod(name, SPEC);
        return fixtures.launch(started, PodRequest.newInstance(pod, 0), started.events().offers(2));
    }

    private static long pid(BackendFixtures.Started started, String taskId) {
        return Long.parseLong(started.backend().taskInfo(taskId).get("pid"));
    }

    @Test
    void aRunningTaskIsReadoptedAsTheSameProcessStillReady() {
        second.backend().reconcile(List.of(keep));

        TaskStatusUpdate answer = firstUpdate(keep);
        assertThat(answer.status().state()).isEqualTo(TaskState.RUNNING);
        assertThat(answer.status().readiness()).isEqualTo(CheckState.PASSED);
        assertThat(answer.ackId()).isEmpty();
        assertThat(pid(second, keep)).isEqualTo(keepPid);
        assertThat(LocalFixtures.living(keepPid)).isTrue();
    }

    @Test
    void tasksThatEndedMeanwhileAreReportedFailedOrFinished() {
        assertThat(second.events().await(die, TaskState.FAILED).message())
                .isEqualTo("ended while the scheduler was away, without an exit code");
        assertThat(second.events().await(done, TaskState.FINISHED).message())
                .isEqualTo("exited with code 0 while the scheduler was away");
        // The re-adopted task may or may not have reported a check result yet; whatever it reported
        // must be RUNNING (check results), never a relaunch or an end.
        assertThat(second.events().statuses(keep)).as("only check results").extracting(s -> s.state())
                .allSatisfy(state -> assertThat(state).isEqualTo(TaskState.RUNNING));
    }

    @Test
    void nothingIsLaunchedTwiceAndOnlyTheEndedTasksReservationsAreOffered() throws IOException {
        second.events().await(die, TaskState.FAILED);
        String keepAgent = keepLaunch.offer().agent().id();

        second.events().offers(2);
        assertThat(second.events().allOffers).filteredOn(o -> o.agent().id().equals(keepAgent))
                .allSatisfy(o -> assertThat(o.resources()).doesNotContainAnyElementsOf(keepLaunch.footprint().resources()));
        try (Stream<Path> sandboxes = Files.list(fixtures.workDir.resolve("agents"))
                .flatMap(agent -> list(agent.resolve("sandboxes")))) {
            assertThat(sandboxes).hasSize(3);
        }
    }

    @Test
    void theReadoptedTasksChecksRunAgain() throws IOException {
        Files.createFile(fixtures.sandbox(keep).resolve("sick"));

        assertThat(second.events().await(keep, TaskState.FAILED).message()).startsWith("health check failed 1 times in a row");
        await().atMost(Recorder.WAIT).until(() -> new ProcessGroup(keepPid).isEmpty());
    }

    private TaskStatusUpdate firstUpdate(String taskId) {
        await().atMost(Recorder.WAIT).until(() -> second.events().updates.stream().anyMatch(u -> u.taskId().equals(taskId)));
        return second.events().updates.stream().filter(u -> u.taskId().equals(taskId)).findFirst().orElseThrow();
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
