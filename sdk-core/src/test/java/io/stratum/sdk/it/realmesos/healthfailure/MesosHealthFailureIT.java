package io.stratum.sdk.it.realmesos.healthfailure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.it.realmesos.RealMesos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A health check that starts failing on a real agent: Mesos kills the task after its consecutive
 * failures (the README: "Health checks become Mesos health checks (Mesos kills the task)"), and
 * the scheduler relaunches it in place, on the same volume. Prints {@code mesos-unhealthy-relaunch}.
 */
class MesosHealthFailureIT {
    private static final String SPEC = """
            name: healing
            pods:
              node:
                count: 1
                tasks:
                  server:
                    goal: RUNNING
                    cmd: echo "$TASK_ID" >> data/launches && touch data/healthy && exec sleep 100000
                    cpus: 0.1
                    memory: 32
                    volume: {path: data, type: ROOT, size: 8}
                    health-check:
                      cmd: test -e data/healthy
                      interval: 1
                      grace-period: 5
                      delay: 0
                      timeout: 5
                      max-consecutive-failures: 2
            """;

    @RegisterExtension
    static final RealMesos MESOS = new RealMesos(1);

    @TempDir
    Path dir;

    @Test
    void anUnhealthyTaskIsKilledByMesosAndRelaunchedOnItsVolume() throws Exception {
        try (RealMesos.Deployed deployed = MESOS.deploy(dir, SPEC)) {
            ServiceApi api = deployed.api();
            await("healthy").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL).ignoreExceptions()
                    .until(() -> api.task("node-0").health().equals("PASSED"));
            ServiceApi.Task first = api.task("node-0");
            Path healthy = MESOS.volumeFiles("healthy").get(0);

            long broken = System.nanoTime();
            Files.delete(healthy);
            ServiceApi.Task relaunched = await("node-0 killed by Mesos and relaunched").atMost(RealMesos.WAIT)
                    .pollInterval(RealMesos.POLL).ignoreExceptions().until(() -> api.task("node-0"),
                            t -> !t.id().equals(first.id()) && t.state().equals("RUNNING"));
            System.out.printf("FIGURE mesos-unhealthy-relaunch: %.2f s%n", (System.nanoTime() - broken) / 1e9);
            await("healthy again").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL).ignoreExceptions()
                    .until(() -> api.task("node-0").health().equals("PASSED"));
            assertThat(RealMesos.read(healthy.resolveSibling("launches")))
                    .isEqualTo(first.id() + "\n" + relaunched.id() + "\n");
        }
    }
}
