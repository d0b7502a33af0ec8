package io.stratum.sdk.it.realmesos.mountvolume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.it.realmesos.RealMesos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persistent volumes on MOUNT disks of a real Mesos agent (issue 11): the task's volume is the
 * whole disk (its root directory holds what the task wrote at its {@code path}); the data survives
 * {@code kill -9} of the task (relaunched in place on the same reservation and volume); and
 * {@code pod replace} destroys the volume and lands on a fresh one. Prints {@code mesos-mount-relaunch}.
 */
class MesosMountVolumeIT {
    /** The shared store pod, its volume on a MOUNT disk. */
    private static final String SPEC = """
            name: mounts
            scheduler:
              principal: mounts-principal
            pods:
            """ + RealMesos.STORE_POD.replace("type: ROOT", "type: MOUNT").replace("size: 8", "size: 512");

    @RegisterExtension
    static final RealMesos MESOS = RealMesos.withMountDisks(2, 1024);

    @TempDir
    Path dir;

    @Test
    void aMountVolumeIsTheWholeDiskItsDataSurvivesATaskKillAndAReplaceMovesToAFreshOne() throws Exception {
        try (RealMesos.Deployed deployed = MESOS.deploy(dir, SPEC)) {
            ServiceApi api = deployed.api();

            JsonNode volume = volume();
            assertThat(volume.path("scalar").path("value").asDouble()).as("the whole disk").isEqualTo(1024.0);
            Path root = Path.of(volume.path("disk").path("source").path("mount").path("root").asText());
            assertThat(root).isIn(MESOS.mountRoot(1), MESOS.mountRoot(2));
            Path launches = root.resolve("launches");
            ServiceApi.Task first = api.task("store-0");
            assertThat(RealMesos.read(launches)).isEqualTo(first.id() + "\n");
            String id = volume.path("disk").path("persistence").path("id").asText();

            long pid = Long.parseLong(RealMesos.read(root.resolve("pid")).strip());
            long killed = System.nanoTime();
            ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no task process " + pid)).destroyForcibly();
            ServiceApi.Task relaunched = await("store-0 relaunched").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL)
                    .ignoreExceptions().until(() -> api.task("store-0"),
                            t -> !t.id().equals(first.id()) && t.state().equals("RUNNING"));
            await("the relaunch wrote onto the same disk").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL)
                    .until(() -> RealMesos.read(launches).lines().count() == 2);
            System.out.printf("FIGURE mesos-mount-relaunch (kill -9 to RUNNING on the same MOUNT volume): %.2f s%n",
                    (System.nanoTime() - killed) / 1e9);
            assertThat(RealMesos.read(launches)).isEqualTo(first.id() + "\n" + relaunched.id() + "\n");
            assertThat(volume().path("disk").path("persistence").path("id").asText()).as("the same volume").isEqualTo(id);

            ServiceApi.Reply reply = api.post("/v1/pod/store-0/replace");
            assertThat(reply.code()).as("replace answered %s", reply.body()).isEqualTo(200);
            ServiceApi.Task replaced = await("store-0 replaced").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL)
                    .ignoreExceptions().until(() -> api.task("store-0"),
                            t -> !t.id().equals(relaunched.id()) && t.state().equals("RUNNING"));
            JsonNode fresh = await("the old volume destroyed, a fresh one made").atMost(RealMesos.WAIT)
                    .pollInterval(RealMesos.POLL).ignoreExceptions().until(MesosMountVolumeIT::volume,
                            v -> !v.path("disk").path("persistence").path("id").asText().equals(id));
            Path freshLaunches = Path.of(fresh.path("disk").path("source").path("mount").path("root").asText())
                    .resolve("launches");
            await("the replacement wrote onto its fresh volume").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL)
                    .until(() -> Files.exists(freshLaunches) && RealMesos.read(freshLaunches).equals(replaced.id() + "\n"));
        }
    }

    /** @return the service's only persistent volume on the master */
    private static JsonNode volume() {
        List<JsonNode> volumes = MESOS.reservations("mounts-role").stream()
                .filter(r -> r.path("disk").has("persistence")).toList();
        assertThat(volumes).as("persistent volumes").hasSize(1);
        return volumes.get(0);
    }
}
