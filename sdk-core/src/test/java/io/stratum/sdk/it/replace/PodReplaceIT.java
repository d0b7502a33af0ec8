package io.stratum.sdk.it.replace;

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
 * {@code POST /v1/pod/hello-0/replace} on hello-world: the pod's task is killed and launched
 * again as a new task on fresh volumes; the old volume is destroyed and the service recovers.
 */
class PodReplaceIT {
    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    @Test
    void aReplacedPodComesBackAsANewTaskOnFreshVolumesAndTheOldVolumeIsDestroyed() throws Exception {
        LocalServices.Started service = services.start(LocalServices.load(LocalServices.helloWorld()), dir.resolve("work"));
        ServiceApi api = service.api();
        LocalServices.awaitDeployComplete(api);
        ServiceApi.Task before = api.running("hello-0").orElseThrow();
        services.track(before.pid());
        Path oldVolume = Path.of(before.sandbox()).resolve("hello-container-path").toRealPath();
        Path oldSandbox = Path.of(before.sandbox()).toRealPath();
        assertThat(oldVolume).as("the volume is a directory of the agent, outside the sandbox")
                .isDirectory().matches(p -> !p.startsWith(oldSandbox));
        Files.writeString(oldVolume.resolve("marker"), "written before the replace\n");

        ServiceApi.Reply reply = api.post("/v1/pod/hello-0/replace");
        assertThat(reply.code()).as("replace answered %s", reply.body()).isEqualTo(200);
        assertThat(reply.body().path("pod").asText()).isEqualTo("hello-0");
        assertThat(reply.body().path("tasks")).extracting(n -> n.asText()).containsExactly("hello-0-server");

        ServiceApi.Task after = await("hello-0 replaced").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> api.running("hello-0").orElse(null), t -> t != null && !t.id().equals(before.id()));
        services.track(after.pid());
        assertThat(after.pid()).isNotEqualTo(before.pid());
        assertThat(Processes.alive(before.pid())).as("the replaced task's process is gone").isFalse();

        Path newVolume = Path.of(after.sandbox()).resolve("hello-container-path").toRealPath();
        assertThat(newVolume).isNotEqualTo(oldVolume);
        assertThat(newVolume.resolve("marker")).doesNotExist();
        await().atMost(Duration.ofSeconds(10)).pollInterval(LocalServices.POLL)
                .untilAsserted(() -> assertThat(newVolume.resolve("output")).hasContent("hello from hello-0-server"));
        await("the old volume destroyed").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> !Files.exists(oldVolume));

        await("deploy and recovery COMPLETE").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> api.get("/v1/health").code() == 200);
        assertThat(api.deployStatus()).isEqualTo("COMPLETE");
        assertThat(api.get("/v1/plans/recovery").body().path("status").asText()).isEqualTo("COMPLETE");
        assertThat(api.running("world-0")).isPresent();
        assertThat(api.running("world-1")).isPresent();
    }
}
