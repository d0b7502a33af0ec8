package io.stratum.sdk.it.deploy;

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
 * The example hello-world service run as {@code stratum run} runs it (embedded ZooKeeper, three
 * local agents, real processes) deploys to COMPLETE; its tasks are live processes whose sandboxes
 * hold their volumes' data, and the service reports itself healthy. Prints the figure
 * {@code run-to-complete}.
 */
class HelloWorldDeployIT {
    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    @Test
    void helloWorldDeploysToCompleteWithLiveTasksAndTheirVolumes() throws Exception {
        long start = System.nanoTime();
        LocalServices.Started service = services.start(LocalServices.load(LocalServices.helloWorld()), dir.resolve("work"));
        ServiceApi api = service.api();
        LocalServices.awaitDeployComplete(api);
        System.out.printf("FIGURE run-to-complete: %.2f s%n", (System.nanoTime() - start) / 1e9);

        ServiceApi.Task hello = api.task("hello-0");
        services.track(hello.pid());
        assertThat(hello.name()).isEqualTo("hello-0-server");
        assertThat(hello.state()).isEqualTo("RUNNING");
        assertThat(hello.agent()).isNotBlank();
        assertThat(Processes.alive(hello.pid())).as("hello-0-server's pid %s is alive", hello.pid()).isTrue();
        Path sandbox = Path.of(hello.sandbox());
        assertThat(sandbox).isDirectory();
        // hello has no readiness check: deploy COMPLETE means RUNNING, not that its command wrote yet.
        await().atMost(Duration.ofSeconds(10)).pollInterval(LocalServices.POLL).untilAsserted(() ->
                assertThat(sandbox.resolve("hello-container-path").resolve("output")).hasContent("hello from hello-0-server"));

        for (String world : new String[] {"world-0", "world-1"}) {
            ServiceApi.Task task = api.task(world);
            services.track(task.pid());
            assertThat(Processes.alive(task.pid())).as("%s's pid is alive", task.name()).isTrue();
            assertThat(Path.of(task.sandbox()).resolve("world-container-path").resolve("output"))
                    .hasContent("world from " + task.name());
        }
        assertThat(api.task("world-0").agent()).as("world is hostname:UNIQUE").isNotEqualTo(api.task("world-1").agent());

        await("healthy").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> api.get("/v1/health").code() == 200);
        assertThat(api.get("/v1/health").body().path("status").asText()).isEqualTo("HEALTHY");
        assertThat(Files.isDirectory(dir.resolve("work").resolve("zookeeper"))).isTrue();
    }
}
