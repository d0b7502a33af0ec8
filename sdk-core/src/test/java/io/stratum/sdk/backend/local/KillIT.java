package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.LocalFixtures.WAIT;
import static io.stratum.sdk.backend.local.LocalFixtures.living;
import static io.stratum.sdk.backend.local.LocalFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Killing a task: SIGTERM to its group, SIGKILL after the grace period; no process left behind. */
class KillIT {
    @RegisterExtension
    final LocalFixtures fixtures = new LocalFixtures();
    private final TaskLauncher launcher = fixtures.launcher();

    @Test
    void aTaskThatHonoursSigtermEndsWithinTheGracePeriod() throws Exception {
        TaskProcess task = fixtures.launch(launcher, "polite", "trap 'echo bye; exit 0' TERM; echo up; while :; do sleep 0.05; done");
        await().atMost(WAIT).until(() -> read(task.sandbox().stdout()).contains("up"));
        long started = System.nanoTime();

        TaskExit exit = task.kill(Duration.ofSeconds(30)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(exit.killed()).isTrue();
        assertThat(exit.exitCode()).hasValue(0);
        assertThat(task.sandbox().stdout()).hasContent("up\nbye");
    }

    @Test
    void aGroupThatIgnoresSigtermIsKilledAfterTheGracePeriodGrandchildrenToo() throws Exception {
        TaskProcess task = fixtures.launch(launcher, "stubborn",
                "trap '' TERM; sh -c 'sleep 1000 & echo $! > grandchild; wait' & echo $! > child; sleep 1000");
        Path sandbox = task.sandbox().dir();
        await().atMost(WAIT).until(() -> !read(sandbox.resolve("grandchild")).isBlank());
        List<Long> pids = List.of(Long.parseLong(read(sandbox.resolve("child")).strip()),
                Long.parseLong(read(sandbox.resolve("grandchild")).strip()));
        long started = System.nanoTime();

        TaskExit exit = task.kill(Duration.ofMillis(500)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(exit.killed()).isTrue();
        assertThat(exit.exitCode()).as("SIGKILL took the wrapper too: 128 + 9").hasValue(137);
        await().atMost(WAIT).until(() -> pids.stream().noneMatch(LocalFixtures::living));
        assertThat(living(task.pid())).isFalse();
    }

    @Test
    void whatATaskLeavesBehindIsKilledWhenItEnds() throws Exception {
        TaskProcess task = fixtures.launch(launcher, "forks", "sleep 1000 & echo $! > daemon; exit 0");

        TaskExit exit = task.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit.exitCode()).hasValue(0);
        long daemon = Long.parseLong(Files.readString(task.sandbox().dir().resolve("daemon")).strip());
        await().atMost(WAIT).until(() -> !living(daemon));
    }

    @Test
    void aKillAtAnyMomentOfTheStartStillReachesTheCommandWithSigterm() throws Exception {
        // Killed at once, a task is somewhere between the wrapper's exec and the command's: a
        // SIGTERM landing in the wrapper's forked child, before it becomes the command, must not
        // be lost (it would end by SIGKILL, 137, after the grace period).
        List<TaskProcess> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            TaskProcess task = fixtures.launch(launcher, "early-" + i, "exec sleep 1000");
            task.kill(Duration.ofSeconds(20));
            tasks.add(task);
        }

        for (TaskProcess task : tasks) {
            TaskExit exit = task.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(exit.exitCode()).as(task.taskId() + " ended by SIGTERM: 128 + 15").hasValue(143);
        }
    }

    @Test
    void killingTwiceOrAfterTheEndReturnsTheSameExit() throws Exception {
        TaskProcess task = fixtures.launch(launcher, "twice", "sleep 1000");

        TaskExit first = task.kill(Duration.ofSeconds(5)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        TaskExit second = task.kill(Duration.ZERO).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(second).isEqualTo(first);
        assertThat(first.exitCode()).as("sleep ended by SIGTERM: 128 + 15").hasValue(143);
    }
}
