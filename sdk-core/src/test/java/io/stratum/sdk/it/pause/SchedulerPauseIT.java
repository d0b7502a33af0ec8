package io.stratum.sdk.it.pause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.Processes;
import io.stratum.sdk.it.RunLedger;
import io.stratum.sdk.it.SchedulerJvm;
import io.stratum.sdk.it.ServiceApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 9: {@code stratum run} in a JVM of its own is paused (SIGSTOP) for longer than its
 * ZooKeeper session, mid-deploy and again once deployed, then resumed (SIGCONT). It must stop
 * acting, re-join the election and resume in the same process (the same pid): the deploy
 * completes, the tasks deployed before the second pause are adopted (same processes), no task ever
 * ran twice at once and every line its runs wrote to their volumes is kept. Before the fix the
 * scheduler exited with status 1 ("lost leadership: stopping this scheduler").
 *
 * <p>ZooKeeper runs in this JVM with a tick of 200 ms, so sessions last at most 4 s (20 ticks)
 * and the pause (8 s) outlives the scheduler's session for sure while this JVM's server runs on.
 * Prints {@code FIGURE pause-to-resumed} for each pause: seconds from SIGCONT until the scheduler
 * says it leads again.
 */
class SchedulerPauseIT {
    private static final Duration PAUSE = Duration.ofSeconds(8);
    private static final String[] PODS = {"app-0", "app-1", "app-2", "app-3"};

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    private SchedulerJvm jvm;
    private boolean passed;

    @Test
    void aSchedulerPausedLongerThanItsSessionStopsActingAndResumesInTheSameProcess() throws Exception {
        Path workDir = dir.resolve("work");
        services.watch(workDir);
        RunLedger ledger = new RunLedger(workDir);
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.builder(dir.resolve("zk")).withTickTime(Duration.ofMillis(200))
                .build().start()) {
            Path spec = LocalServices.writeSpec(dir.resolve("spec"), RunLedger.spec("paused", 4));
            jvm = SchedulerJvm.run(spec, workDir, dir.resolve("scheduler.log"), "--zookeeper", zk.connectString());
            ServiceApi api = jvm.awaitApi();
            long pid = jvm.handle().pid();

            await("a task running mid-deploy").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                    .until(() -> !ledger.snapshot().isEmpty());
            Map<Path, String> before = ledger.snapshot();
            pauseAndResume(pid, 1, "mid-deploy");
            LocalServices.awaitDeployComplete(api);
            before = ledger.assertNothingLostSince(before);

            Map<String, Long> deployed = api.tasksByName(PODS).values().stream()
                    .collect(Collectors.toMap(ServiceApi.Task::name, ServiceApi.Task::pid));
            deployed.values().forEach(services::track);
            pauseAndResume(pid, 2, "after the deploy");
            await("the tasks adopted again").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                    .until(() -> api.deployComplete() && api.tasksByName(PODS).values().stream()
                            .allMatch(t -> t.state().equals("RUNNING")));
            Map<String, Long> adopted = api.tasksByName(PODS).values().stream()
                    .collect(Collectors.toMap(ServiceApi.Task::name, ServiceApi.Task::pid));
            assertThat(adopted).as("adopted, not relaunched").isEqualTo(deployed);
            assertThat(deployed.values()).allMatch(Processes::alive);
            ledger.assertNothingLostSince(before);
            assertThat(ledger.runCounts().values()).as("one run per task after the deploy: %s", ledger.describe())
                    .allMatch(n -> n >= 1);
            assertThat(jvm.handle().isAlive()).as("the same process").isTrue();
            assertThat(jvm.output()).doesNotContain("lost leadership: stopping this scheduler");
            passed = true;
        }
    }

    private void pauseAndResume(long pid, int time, String when) throws Exception {
        signal("STOP", pid);
        Thread.sleep(PAUSE.toMillis()); // the fault itself: a pause longer than the session
        long resumed = System.nanoTime();
        signal("CONT", pid);
        await("leadership lost and regained after pause " + time).atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> count(jvm.output(), "leading again: resumed") >= time);
        System.out.printf("FIGURE pause-to-resumed (SIGSTOP %d s %s, 4 s session): %.2f s%n", PAUSE.toSeconds(), when,
                (System.nanoTime() - resumed) / 1e9);
        assertThat(count(jvm.output(), "lost leadership: stopped acting")).isGreaterThanOrEqualTo(time);
        assertThat(jvm.handle().isAlive()).as("still running after pause %d", time).isTrue();
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @AfterEach
    void stopTheScheduler() throws Exception {
        if (jvm != null) {
            if (jvm.handle().isAlive()) {
                signal("CONT", jvm.handle().pid());
            }
            jvm.close();
            if (!passed) {
                System.out.println("--- output of the scheduler JVM ---\n" + jvm.output());
            }
        }
    }
}
