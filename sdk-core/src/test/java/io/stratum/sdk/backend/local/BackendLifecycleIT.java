package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.BackendFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.internal.process.ProcessGroup;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How launched tasks end: by themselves, killed, or killed for failing their health check. */
class BackendLifecycleIT {
    @RegisterExtension
    final BackendFixtures fixtures = new BackendFixtures();
    private final BackendFixtures.Started started = fixtures.start();

    /** @return the task id of a one-task pod running {@code cmd}, launched with {@code more} YAML under the task */
    private String launch(String goal, String cmd, String more) {
        PodSpec pod = fixtures.pod(1, goal, cmd, more);
        return taskId(fixtures.launch(started, PodRequest.newInstance(pod, 0), started.events().offers(2)));
    }

    @Test
    void aTaskThatExitsZeroFinishes() {
        String task = launch("FINISH", "echo done", "");

        TaskStatus finished = started.events().await(task, TaskState.FINISHED);

        assertThat(finished.message()).isEqualTo("exited with code 0");
        assertThat(started.events().states(task)).containsExactly(TaskState.STARTING, TaskState.RUNNING, TaskState.FINISHED);
    }

    @Test
    void aTaskThatExitsNonZeroFailsWithItsExitCode() {
        String task = launch("RUNNING", "exit 3", "");

        assertThat(started.events().await(task, TaskState.FAILED).message()).isEqualTo("exited with code 3");
    }

    @Test
    void aFailedHealthCheckKillsTheTaskAndReportsItFailed() {
        String task = launch("RUNNING", "exec sleep 1000", """
                health-check:
                  cmd: test -f healthy
                  interval: 1
                  delay: 0
                  timeout: 1
                  grace-period: 0
                  max-consecutive-failures: 2
                """);
        started.events().await(task, TaskState.RUNNING);
        long pid = Long.parseLong(started.backend().taskInfo(task).get("pid"));

        TaskStatus failed = started.events().await(task, TaskState.FAILED);

        assertThat(failed.message()).startsWith("health check failed 2 times in a row: exit 1");
        assertThat(failed.health()).isEqualTo(CheckState.FAILED);
        assertThat(started.events().statuses(task)).anySatisfy(s -> {
            assertThat(s.state()).isEqualTo(TaskState.RUNNING);
            assertThat(s.health()).isEqualTo(CheckState.FAILED);
        });
        assertThat(new ProcessGroup(pid).isEmpty()).isTrue();
    }

    @Test
    void aHealthyTaskIsReportedHealthy() {
        String task = launch("RUNNING", "touch healthy && exec sleep 1000", """
                health-check:
                  cmd: test -f healthy
                  interval: 1
                  delay: 0
                  timeout: 1
                  grace-period: 5
                """);

        started.events().await(task, s -> s.state() == TaskState.RUNNING && s.health() == CheckState.PASSED);
    }

    @Test
    void aKillIsReportedKillingThenKilled() {
        String task = launch("RUNNING", "exec sleep 1000", "");
        started.events().await(task, TaskState.RUNNING);
        long pid = Long.parseLong(started.backend().taskInfo(task).get("pid"));

        started.backend().kill(task, Duration.ofSeconds(5));

        assertThat(started.events().await(task, TaskState.KILLED).message()).isEqualTo("killed (exit code 143)");
        assertThat(started.events().states(task)).containsExactly(TaskState.STARTING, TaskState.RUNNING,
                TaskState.KILLING, TaskState.KILLED);
        assertThat(new ProcessGroup(pid).isEmpty()).isTrue();
    }

    @Test
    void aTaskIgnoringSigtermIsKilledAfterItsGracePeriod() {
        // RUNNING means the process started, not that its shell has run the trap yet: a SIGTERM
        // before the trap would end it at once. The marker file says the trap is in place.
        String task = launch("RUNNING", "trap '' TERM; touch trapped; exec sleep 1000", "");
        started.events().await(task, TaskState.RUNNING);
        Path trapped = fixtures.sandbox(task).resolve("trapped");
        await().atMost(Recorder.WAIT).until(() -> Files.exists(trapped));
        long killedAt = System.nanoTime();

        started.backend().kill(task, Duration.ofMillis(400));

        TaskStatus killed = started.events().await(task, TaskState.KILLED);
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(killed.message()).isEqualTo("killed (exit code 137)");
    }

    @Test
    void anUpdateIsSentAgainUntilAcknowledgedAndAnAcknowledgedEndForgetsTheTask() {
        started.events().acknowledging = false;
        String task = launch("FINISH", "true", "");
        started.events().await(task, TaskState.FINISHED);
        await().atMost(Recorder.WAIT).until(() -> started.events().statuses(task).stream()
                .filter(s -> s.state() == TaskState.FINISHED).count() >= 2);
        AgentDirs agent = AgentDirs.of(fixtures.workDir, started.backend().taskInfo(task).get("agent"));
        assertThat(agent.checkpoint(task)).exists();

        started.events().updates.stream().filter(u -> u.taskId().equals(task)).forEach(started.backend()::acknowledge);

        await().atMost(Recorder.WAIT).until(() -> !Files.exists(agent.checkpoint(task)) && !Files.exists(agent.launch(task)));
        int sent = started.events().updates.size();
        await().during(Duration.ofMillis(800)).atMost(Recorder.WAIT).until(() -> started.events().updates.size() == sent);
        started.backend().reconcile(List.of(task));
        assertThat(started.events().await(task, s -> s.state() == TaskState.FINISHED)).isNotNull();
    }

    @Test
    void killingAnUnknownTaskAnswersLostWithoutAckId() {
        started.backend().kill("nobody__1", Duration.ZERO);

        await().atMost(Recorder.WAIT).until(() -> !started.events().updates.isEmpty());
        assertThat(started.events().updates).singleElement().satisfies(update -> {
            assertThat(update.status().state()).isEqualTo(TaskState.LOST);
            assertThat(update.ackId()).isEmpty();
        });
    }
}
