package io.stratum.sdk.it.schedulerkill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.cli.StratumCli;
import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.Processes;
import io.stratum.sdk.it.SchedulerJvm;
import io.stratum.sdk.it.ServiceApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stratum run} of hello-world in a JVM of its own is killed with SIGKILL once deployed: its
 * tasks keep running, and a second {@code run} over the same work dir re-adopts them (the same
 * processes, nothing relaunched) and finds the deploy COMPLETE. Stopped (Ctrl-C) it leaves them
 * running again, until {@code stratum uninstall}. Prints the figures {@code run-to-complete} for a
 * fresh JVM and {@code restart-to-complete}.
 */
class SchedulerKillIT {
    private static final String[] PODS = {"hello-0", "world-0", "world-1"};

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

    private SchedulerJvm start(Path workDir, String log) throws Exception {
        SchedulerJvm jvm = SchedulerJvm.run(LocalServices.helloWorld(), workDir, dir.resolve(log));
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
