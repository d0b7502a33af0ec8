package io.stratum.sdk.it.schedulerkill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.cli.StratumCli;
import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.Processes;
import io.stratum.sdk.it.RunLedger;
import io.stratum.sdk.it.SchedulerJvm;
import io.stratum.sdk.it.ServiceApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stratum run} of hello-world in a JVM of its own is killed with SIGKILL once deployed: its
 * tasks keep running, and a second {@code run} over the same work dir re-adopts them (the same
 * processes, nothing relaunched) and finds the deploy COMPLETE. Stopped (Ctrl-C) it leaves them
 * running again, until {@code stratum uninstall}. Prints the figures {@code run-to-complete} for a
 * fresh JVM and {@code restart-to-complete}. Each restart leads at once: it holds the work dir's
 * lock, so it releases the killed run's lock node instead of waiting for its session to expire
 * (the 20 kills took about 5 minutes before, about 2 since).
 */
class SchedulerKillIT {
    private static final String[] PODS = {"hello-0", "world-0", "world-1"};
    private static final int ROUNDS = 2;
    private static final int KILLS = 20;
    private static final String[] APP_PODS = {"app-0", "app-1", "app-2", "app-3"};

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    private final List<SchedulerJvm> jvms = new ArrayList<>();
    private boolean passed;

    @Test
    void aSchedulerKilledWithSigkillLeavesItsTasksRunningAndTheNextRunReadoptsThem() throws Exception {
        Path workDir = dir.resolve("work");
        services.watch(workDir);
        long launched = System.nanoTime();
        SchedulerJvm first = start(workDir, "first.log");
        ServiceApi api = first.awaitApi();
        LocalServices.awaitDeployComplete(api);
        System.out.printf("FIGURE run-to-complete (stratum run in a new JVM): %.2f s%n", (System.nanoTime() - launched) / 1e9);
        Map<String, ServiceApi.Task> deployed = api.tasksByName(PODS);
        deployed.values().forEach(t -> services.track(t.pid()));
        assertThat(deployed.values()).allMatch(t -> t.state().equals("RUNNING")).allMatch(t -> Processes.alive(t.pid()));

        first.kill9();
        assertThat(deployed.values()).as("the tasks outlive their scheduler").allMatch(t -> Processes.alive(t.pid()));

        long restarted = System.nanoTime();
        SchedulerJvm second = start(workDir, "second.log");
        ServiceApi again = second.awaitApi();
        LocalServices.awaitDeployComplete(again);
        System.out.printf("FIGURE restart-to-complete (after kill -9): %.2f s%n", (System.nanoTime() - restarted) / 1e9);
        Map<String, ServiceApi.Task> adopted = await().atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> again.tasksByName(PODS), tasks -> tasks.values().stream().allMatch(t -> t.state().equals("RUNNING")));

        for (ServiceApi.Task before : deployed.values()) {
            ServiceApi.Task after = adopted.get(before.name());
            assertThat(after.pid()).as("%s re-adopted, not restarted", before.name()).isEqualTo(before.pid());
            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.agent()).isEqualTo(before.agent());
            assertThat(Processes.alive(after.pid())).isTrue();
        }
        Path output = Path.of(adopted.get("hello-0-server").sandbox()).resolve("hello-container-path").resolve("output");
        // hello has no readiness check: RUNNING does not mean its command has written yet.
        await().atMost(Duration.ofSeconds(10)).pollInterval(LocalServices.POLL)
                .untilAsserted(() -> assertThat(output).as("launched once").hasContent("hello from hello-0-server"));
        assertThat(again.get("/v1/plans/recovery").body().path("status").asText()).isEqualTo("COMPLETE");
        assertThat(again.get("/v1/health").code()).isEqualTo(200);

        assertThat(second.stop()).as("exit code on SIGTERM (Ctrl-C)").isIn(0, 128 + 15);
        assertThat(second.output()).contains("stopping the scheduler; the service's tasks keep running")
                .doesNotContain("internal error").doesNotContain("lost leadership");
        assertThat(deployed.values()).as("a stopped scheduler leaves its tasks running")
                .allMatch(t -> Processes.alive(t.pid()));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int uninstalled = StratumCli.execute(new String[] {"uninstall", LocalServices.helloWorld().toString(),
            "--work-dir", workDir.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(uninstalled).as("uninstall: %s%s", out, err).isZero();
        assertThat(deployed.values()).as("uninstalled").noneMatch(t -> Processes.alive(t.pid()));
        assertThat(workDir).doesNotExist();
        passed = true;
    }

    @Test
    void schedulersKilledAtRandomMomentsOfDeploysRunNothingTwiceLoseNothingAndEveryDeployCompletes() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("kill moments from seed " + seed);
        Path spec = LocalServices.writeSpec(dir.resolve("spec"), RunLedger.spec("crash", APP_PODS.length));
        double longest = 0;
        int kills = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path workDir = dir.resolve("round-" + round);
            services.watch(workDir);
            RunLedger ledger = new RunLedger(workDir);
            Map<Path, String> before = ledger.snapshot();
            for (int k = 0; k < KILLS / ROUNDS; k++) {
                SchedulerJvm jvm = start(spec, workDir, "round-" + round + "-" + k + ".log");
                jvm.awaitApi();
                long moment = k % 2 == 0 ? random.nextInt(600) : random.nextInt(3_000);
                Thread.sleep(moment); // the fault: SIGKILL at this moment after the API came up
                jvm.kill9();
                kills++;
                System.out.printf("round %d: killed %d ms after the API came up%n", round, moment);
                before = ledger.assertNothingLostSince(before);
            }
            long restarted = System.nanoTime();
            SchedulerJvm last = start(spec, workDir, "round-" + round + "-last.log");
            ServiceApi api = last.awaitApi();
            awaitDeployComplete(api, ledger);
            longest = Math.max(longest, (System.nanoTime() - restarted) / 1e9);
            Map<String, ServiceApi.Task> tasks = await().atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                    .until(() -> api.tasksByName(APP_PODS), t -> t.values().stream().allMatch(x -> x.state().equals("RUNNING")));
            assertThat(tasks).hasSize(2 * APP_PODS.length);
            assertThat(tasks.values()).allMatch(t -> Processes.alive(t.pid()));
            assertThat(Processes.taskPids(workDir).stream().filter(Processes::alive).toList())
                    .as("one live process per task, none left from an earlier run").hasSize(tasks.size());
            ledger.assertNothingLostSince(before);
            assertThat(ledger.runCounts()).as("every task's volume records its runs: %s", ledger.describe())
                    .hasSize(tasks.size()).allSatisfy((file, runs) -> assertThat(runs).isPositive());
            assertThat(last.stop()).isIn(0, 128 + 15);
        }
        System.out.println("FIGURE kills (SIGKILL of stratum run mid-deploy, each followed by a restart): " + kills);
        System.out.printf("FIGURE restart-to-complete after kills (longest of %d deploys): %.2f s%n", ROUNDS, longest);
        System.out.println("FIGURE lines lost from volumes after kills: 0");
        passed = true;
    }

    /** Waits for the deploy; if it stalls, prints what the scheduler and the volumes say before failing. */
    private static void awaitDeployComplete(ServiceApi api, RunLedger ledger) {
        try {
            LocalServices.awaitDeployComplete(api);
        } catch (AssertionError | RuntimeException e) {
            System.out.println("stalled deploy: " + api.get("/v1/plans/deploy").body());
            for (String pod : APP_PODS) {
                System.out.println("stalled deploy, " + pod + ": " + api.get("/v1/pod/" + pod + "/info").body());
            }
            System.out.println("stalled deploy, offers: " + api.get("/v1/debug/offers").body());
            System.out.println("stalled deploy, volumes: " + ledger.describe());
            throw e;
        }
    }

    private SchedulerJvm start(Path workDir, String log) throws Exception {
        return start(LocalServices.helloWorld(), workDir, log);
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
