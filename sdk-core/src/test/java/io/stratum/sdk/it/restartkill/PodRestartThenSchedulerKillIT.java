package io.stratum.sdk.it.restartkill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.cli.StratumCli;
import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.Processes;
import io.stratum.sdk.it.RunLedger;
import io.stratum.sdk.it.SchedulerJvm;
import io.stratum.sdk.it.ServiceApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stratum pod restart app-0}, and the scheduler ({@code stratum run} in a JVM of its own) is
 * killed with SIGKILL as soon as the restart's kill shows: {@code main} has ended (its KILLED is
 * stored), {@code side} is still stopping (it takes a few seconds after SIGTERM), so the relaunch
 * cannot have been sent. The next {@code run} over the same work dir relaunches the instance in place,
 * both tasks, once each: every task's volume records its runs ({@link RunLedger}), and no two runs
 * of a task overlap. The other instance is left alone.
 */
class PodRestartThenSchedulerKillIT {
    private static final String SPEC = """
            name: restart-kill
            pods:
              app:
                count: 2
                tasks:
                  main:
                    cmd: %s
                    cpus: 0.1
                    memory: 32
                    volume: {path: data, type: ROOT, size: 16}
                    readiness-check: {cmd: grep -q run data/runs, interval: 1, delay: 0}
                  side:
                    cmd: %s
                    cpus: 0.1
                    memory: 32
                    kill-grace-period: 30
                    volume: {path: side-data, type: ROOT, size: 16}
                    readiness-check: {cmd: grep -q run side-data/runs, interval: 1, delay: 0}
            """.formatted(RunLedger.command("data"), slowToStop("side-data"));

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    private final List<SchedulerJvm> jvms = new ArrayList<>();
    private boolean passed;

    /** A run recorded on the volume that, on SIGTERM, takes 4 s to stop (as a server flushing would). */
    private static String slowToStop(String volume) {
        return "'exec 9>>" + volume + "/lock; if ! flock -n 9; then echo \"overlap $$\" >> " + volume
                + "/runs; exit 1; fi; echo \"run $$\" >> " + volume + "/runs; trap \"sleep 4; exit 0\" TERM; "
                + "while :; do sleep 0.2; done'";
    }

    @Test
    void aPodRestartFollowedBySigkillOfTheSchedulerIsRelaunchedInPlaceOnceByTheNextRun() throws Exception {
        Path workDir = dir.resolve("work");
        services.watch(workDir);
        Path spec = LocalServices.writeSpec(dir.resolve("spec"), SPEC);
        RunLedger ledger = new RunLedger(workDir);
        SchedulerJvm first = start(spec, workDir, "first.log");
        ServiceApi api = first.awaitApi();
        LocalServices.awaitDeployComplete(api);
        Map<String, ServiceApi.Task> before = api.tasksByName("app-0", "app-1");
        before.values().forEach(t -> services.track(t.pid()));
        Map<Path, String> deployed = ledger.snapshot();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StratumCli.execute(new String[] {"pod", "restart", "app-0", "--api", api.base().toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("pod restart: %s%s", out, err).isZero();
        await("app-0-main KILLED").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> api.tasksByName("app-0").get("app-0-main").state().equals("KILLED"));
        first.kill9();
        assertThat(Processes.alive(before.get("app-0-side").pid())).as("side was still stopping").isTrue();

        SchedulerJvm second = start(spec, workDir, "second.log");
        ServiceApi again = second.awaitApi();
        Map<String, ServiceApi.Task> after = await("app-0 relaunched").atMost(LocalServices.WAIT)
                .pollInterval(LocalServices.POLL).until(() -> again.tasksByName("app-0", "app-1"), tasks ->
                        tasks.values().stream().allMatch(t -> t.state().equals("RUNNING"))
                                && !tasks.get("app-0-main").id().equals(before.get("app-0-main").id())
                                && !tasks.get("app-0-side").id().equals(before.get("app-0-side").id()));
        JsonNode recovery = await("recovery COMPLETE").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> again.get("/v1/plans/recovery").body(), p -> p.path("status").asText().equals("COMPLETE"));
        after.values().forEach(t -> services.track(t.pid()));

        assertThat(recovery.findValues("steps").stream().flatMap(steps -> toList(steps).stream())
                .map(s -> s.path("name").asText())).as("one recovery step").containsExactly("app-0:[main, side]");
        for (String task : List.of("app-0-main", "app-0-side")) {
            assertThat(after.get(task).agent()).as("%s in place", task).isEqualTo(before.get(task).agent());
            assertThat(Processes.alive(before.get(task).pid())).as("%s's old process", task).isFalse();
        }
        for (String task : List.of("app-1-main", "app-1-side")) {
            assertThat(after.get(task).id()).as("%s left alone", task).isEqualTo(before.get(task).id());
            assertThat(after.get(task).pid()).isEqualTo(before.get(task).pid());
        }
        ledger.assertNothingLostSince(deployed);
        Map<String, Long> runs = ledger.runCounts().entrySet().stream().collect(Collectors.toMap(
                e -> instanceOf(e.getKey()), Map.Entry::getValue, Long::sum));
        assertThat(runs).as("runs per instance (two tasks each): %s", ledger.describe())
                .containsExactlyInAnyOrderEntriesOf(Map.of("app-0", 4L, "app-1", 2L));
        assertThat(ledger.runCounts().values()).as("no task of app-0 ran more than twice").allMatch(n -> n <= 2);
        assertThat(Set.copyOf(Processes.taskPids(workDir).stream().filter(Processes::alive).toList()))
                .as("one live process per task").hasSize(4);
        assertThat(second.stop()).isIn(0, 128 + 15);
        passed = true;
    }

    /** @return the pod instance whose volume holds {@code runs}: the volume's persistence id starts with it */
    private static String instanceOf(Path runs) {
        String volume = runs.getParent().getFileName().toString();
        return volume.substring(0, volume.indexOf('-', volume.indexOf('-') + 1));
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private SchedulerJvm start(Path spec, Path workDir, String log) throws Exception {
        SchedulerJvm jvm = SchedulerJvm.run(spec, workDir, dir.resolve(log));
        jvms.add(jvm);
        return jvm;
    }

    @AfterEach
    void stopTheSchedulers() throws Exception {
        for (SchedulerJvm jvm : jvms) {
            jvm.close();
            if (!passed) {
                System.out.println("--- output of scheduler JVM " + jvm.handle().pid() + " ---\n" + jvm.output());
            }
        }
    }
}
