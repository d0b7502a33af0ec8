package io.stratum.sdk.it.healthfailure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.Processes;
import io.stratum.sdk.it.ServiceApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that dies, because its health check fails or because it is killed with SIGKILL, is
 * relaunched in place: on the same agent, as a new process, over the same persistent volume
 * with its earlier data. Prints the figures {@code death-to-relaunch} for both.
 */
class RelaunchInPlaceIT {
    /** A task whose health depends on a file in its volume, which the task writes when it starts. */
    private static final String SPEC = """
            name: healthfailure
            pods:
              app:
                count: 1
                tasks:
                  server:
                    goal: RUNNING
                    cmd: echo "started $TASK_NAME" >> data/log && echo ok > data/healthy && exec sleep 100000
                    cpus: 0.1
                    memory: 32
                    volume: {path: data, type: ROOT, size: 16}
                    health-check:
                      cmd: test -s data/healthy
                      interval: 1
                      grace-period: 5
                      delay: 0
                      timeout: 5
                      max-consecutive-failures: 2
            """;
    private static final Duration QUICK_POLL = Duration.ofMillis(20);
    /** More than the scheduler's revive interval (1 s). */
    private static final Duration STEADY = Duration.ofMillis(1500);

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    @Test
    void aTaskFailingItsHealthCheckIsKilledAndRelaunchedInPlaceWithItsVolumeData() throws Exception {
        LocalServices.Started service = services.start(LocalServices.load(LocalServices.writeSpec(dir, SPEC)),
                dir.resolve("work"));
        ServiceApi api = service.api();
        LocalServices.awaitDeployComplete(api);
        ServiceApi.Task before = await("healthy").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> api.running("app-0").orElse(null), t -> t != null && t.health().equals("PASSED"));
        services.track(before.pid());
        Path volume = Path.of(before.sandbox()).resolve("data");
        Files.writeString(volume.resolve("earlier"), "written before the failure\n");

        long failing = System.nanoTime();
        Files.writeString(volume.resolve("healthy"), ""); // the health check now fails
        await("the unhealthy task is killed").atMost(LocalServices.WAIT).pollInterval(QUICK_POLL)
                .until(() -> !Processes.alive(before.pid()));
        long died = System.nanoTime();
        ServiceApi.Task after = awaitRelaunch(api, before);
        long relaunched = System.nanoTime();
        System.out.printf("FIGURE death-to-relaunch (health check failure): %.2f s (%.2f s from the check's"
                + " first failure, 2 failures 1 s apart)%n", (relaunched - died) / 1e9, (relaunched - failing) / 1e9);

        assertRelaunchedInPlace(before, after);
        Path newVolume = Path.of(after.sandbox()).resolve("data");
        assertThat(newVolume.resolve("earlier")).hasContent("written before the failure");
        await().atMost(Duration.ofSeconds(10)).pollInterval(LocalServices.POLL)
                .untilAsserted(() -> assertThat(newVolume.resolve("log")).hasContent("started app-0-server\nstarted app-0-server"));
        LocalServices.awaitDeployComplete(api);
        await("healthy again").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> api.get("/v1/health").code() == 200);
    }

    @Test
    void aHelloWorldTaskKilledWithSigkillIsRelaunchedInPlaceWithItsVolumeData() throws Exception {
        LocalServices.Started service = services.start(LocalServices.load(LocalServices.helloWorld()), dir.resolve("work"));
        ServiceApi api = service.api();
        LocalServices.awaitDeployComplete(api);
        ServiceApi.Task before = api.running("hello-0").orElseThrow();
        services.track(before.pid());
        // RUNNING comes before the command writes its line: wait for it before the kill.
        Path written = Path.of(before.sandbox()).resolve("hello-container-path").resolve("output");
        await().atMost(Duration.ofSeconds(10)).pollInterval(LocalServices.POLL)
                .untilAsserted(() -> assertThat(written).hasContent("hello from hello-0-server"));
        // Measure a task dying in steady state: right after the deploy, the scheduler's last revive
        // is under a second old, and the relaunch would wait up to a tick for the throttled next one.
        Thread.sleep(STEADY.toMillis());

        long killed = System.nanoTime();
        assertThat(ProcessHandle.of(before.pid()).orElseThrow().destroyForcibly()).isTrue(); // kill -9 pid
        ServiceApi.Task after = awaitRelaunch(api, before);
        System.out.printf("FIGURE death-to-relaunch (SIGKILL): %.2f s%n", (System.nanoTime() - killed) / 1e9);

        assertRelaunchedInPlace(before, after);
        Path output = Path.of(after.sandbox()).resolve("hello-container-path").resolve("output");
        await().atMost(Duration.ofSeconds(10)).pollInterval(LocalServices.POLL)
                .untilAsserted(() -> assertThat(output).hasContent("hello from hello-0-server\nhello from hello-0-server"));
        assertThat(Processes.alive(before.pid())).isFalse();
        await("healthy again").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> api.get("/v1/health").code() == 200);
    }

    /** @return the pod's task once it runs again as another process */
    private ServiceApi.Task awaitRelaunch(ServiceApi api, ServiceApi.Task before) {
        ServiceApi.Task after = await("relaunched RUNNING with a new pid").atMost(LocalServices.WAIT).pollInterval(QUICK_POLL)
                .until(() -> api.running(before.name().substring(0, before.name().lastIndexOf('-'))).orElse(null),
                        t -> t != null && t.pid() != before.pid());
        services.track(after.pid());
        return after;
    }

    private static void assertRelaunchedInPlace(ServiceApi.Task before, ServiceApi.Task after) {
        assertThat(after.agent()).as("same agent").isEqualTo(before.agent());
        assertThat(after.pid()).isNotEqualTo(before.pid());
        assertThat(after.sandbox()).as("a fresh sandbox").isNotEqualTo(before.sandbox());
    }
}
