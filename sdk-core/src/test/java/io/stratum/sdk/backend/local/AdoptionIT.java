package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.LocalFixtures.WAIT;
import static io.stratum.sdk.backend.local.LocalFixtures.living;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.internal.process.ProcessGroup;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scheduler restart: the first launcher is dropped (closed without killing anything, as if its
 * JVM died), a second one over the same work dir adopts what the checkpoints describe.
 */
class AdoptionIT {
    /** Runs until the file {@code stop} appears in the sandbox, then exits 7. */
    private static final String UNTIL_STOP = "while [ ! -f stop ]; do sleep 0.05; done; exit 7";

    @RegisterExtension
    final LocalFixtures fixtures = new LocalFixtures();
    private final TaskLauncher first = fixtures.launcher();

    @Test
    void aLiveTaskIsReadoptedAsTheSameProcessAndItsExitCodeObserved() throws Exception {
        TaskProcess launched = fixtures.launch(first, "server", UNTIL_STOP);
        first.close();

        Recovery recovery = fixtures.launcher().adopt();

        assertThat(recovery.exited()).isEmpty();
        assertThat(recovery.running()).singleElement().satisfies(task -> {
            assertThat(task.pid()).isEqualTo(launched.pid());
            assertThat(task.adopted()).isTrue();
            assertThat(task.startTime()).isEqualTo(launched.startTime());
        });
        TaskProcess adopted = recovery.running().get(0);
        Files.createFile(adopted.sandbox().dir().resolve("stop"));
        TaskExit exit = adopted.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(exit.exitCode()).hasValue(7);
        assertThat(exit.killed()).isFalse();
    }

    @Test
    void aReadoptedTaskCanBeKilledWithItsGroup() throws Exception {
        TaskProcess launched = fixtures.launch(first, "server", "trap '' TERM; touch trapped; sleep 1000 & sleep 1000");
        // A SIGTERM before the trap would end the shell at once (143, not 137): wait for the marker.
        await().atMost(WAIT).until(() -> Files.exists(launched.sandbox().dir().resolve("trapped")));
        first.close();
        TaskProcess adopted = fixtures.launcher().adopt().running().get(0);

        TaskExit exit = adopted.kill(Duration.ofMillis(200)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit.killed()).isTrue();
        assertThat(exit.exitCode()).hasValue(137);
        await().atMost(WAIT).until(() -> new ProcessGroup(adopted.pid()).isEmpty());
    }

    @Test
    void aTaskThatEndedWhileNoOneWatchedIsReportedWithItsExitCode() throws Exception {
        TaskProcess launched = fixtures.launch(first, "batch", "exit 5");
        launched.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        first.close(); // died before acknowledging the exit

        Recovery recovery = fixtures.launcher().adopt();

        assertThat(recovery.running()).isEmpty();
        assertThat(recovery.exited()).singleElement().satisfies(exit -> {
            assertThat(exit.taskId()).isEqualTo("batch");
            assertThat(exit.exitCode()).hasValue(5);
        });
    }

    @Test
    void aTaskKilledWhileNoOneWatchedIsReportedFailedWithoutExitCode() {
        TaskProcess launched = fixtures.launch(first, "server", "sleep 1000");
        first.close();
        new ProcessGroup(launched.pid()).signal(ProcessGroup.Signal.KILL); // kill -9 of the whole group
        await().atMost(WAIT).until(() -> !living(launched.pid()));

        Recovery recovery = fixtures.launcher().adopt();

        assertThat(recovery.running()).isEmpty();
        assertThat(recovery.exited()).singleElement().satisfies(exit -> {
            assertThat(exit.exitCode()).isEmpty();
            assertThat(exit.succeeded()).isFalse();
        });
    }

    @Test
    void aReusedPidIsRecognisedByItsStartTimeAndLeftAlone() {
        TaskProcess launched = fixtures.launch(first, "server", "sleep 1000");
        first.close();
        CheckpointStore store = new CheckpointStore(fixtures.agent);
        Checkpoint checkpoint = store.list().get(0);
        // As if the task had died and its pid gone to a process that started an hour later.
        store.write(checkpoint.started(checkpoint.pid(), checkpoint.startTime().minus(Duration.ofHours(1))));

        Recovery recovery = fixtures.launcher().adopt();

        assertThat(recovery.running()).isEmpty();
        assertThat(recovery.exited()).singleElement().satisfies(exit -> assertThat(exit.exitCode()).isEmpty());
        assertThat(living(launched.pid())).as("not ours, so not killed").isTrue();
    }

    @Test
    void aLiveProcessRunningSomethingElseIsNotAdopted() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            CheckpointStore store = new CheckpointStore(fixtures.agent);
            Sandbox sandbox = Sandbox.create(fixtures.agent, "server", java.util.Map.of(), java.util.Map.of());
            Instant start = stranger.info().startInstant().orElseThrow();
            store.write(Checkpoint.launching("server", sandbox, "sleep 30").started(stranger.pid(), start));

            Recovery recovery = fixtures.launcher().adopt();

            assertThat(recovery.running()).isEmpty();
            assertThat(recovery.exited()).hasSize(1);
            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroyForcibly().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void aLaunchInterruptedBeforeItsPidWasCheckpointedIsFoundByTheWrappersPidFile() {
        TaskProcess launched = fixtures.launch(first, "server", "sleep 1000");
        await().atMost(WAIT).until(() -> launched.sandbox().wrapperPid().isPresent());
        first.close();
        new CheckpointStore(fixtures.agent).write(Checkpoint.launching("server", launched.sandbox(), "sleep 1000"));

        Recovery recovery = fixtures.launcher().adopt();

        assertThat(recovery.running()).singleElement().extracting(TaskProcess::pid).isEqualTo(launched.pid());
    }

    @Test
    void anAcknowledgedExitIsNotReportedAgain() throws Exception {
        TaskProcess launched = fixtures.launch(first, "batch", "exit 0");
        launched.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        first.acknowledge("batch");
        first.close();

        Recovery recovery = fixtures.launcher().adopt();

        assertThat(recovery.running()).isEmpty();
        assertThat(recovery.exited()).isEmpty();
    }

    @Test
    void adoptingTwiceAdoptsOnce() {
        fixtures.launch(first, "server", "sleep 1000");
        first.close();
        TaskLauncher second = fixtures.launcher();

        assertThat(second.adopt().running()).hasSize(1);
        assertThat(second.adopt().running()).isEmpty();
    }
}
