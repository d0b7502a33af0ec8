package io.stratum.sdk.it.realmesos.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.it.realmesos.RealMesos;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persistent volumes on a real Mesos master (issue 11): a {@code goal: ONCE} task writes into its
 * ROOT volume and completes; a RUNNING task's volume data survives {@code kill -9} of the task
 * (relaunched in place on the same reservation and volume, which it finds as it left it); and
 * {@code pod replace} moves the task to a fresh volume. Prints {@code mesos-volume-relaunch}.
 */
class MesosVolumeIT {
    private static final String SPEC = """
            name: volumes
            scheduler:
              principal: volumes-principal
            pods:
              seed:
                count: 1
                tasks:
                  once:
                    goal: ONCE
                    cmd: echo seeded > seed/marker
                    cpus: 0.1
                    memory: 32
                    volume: {path: seed, type: ROOT, size: 8}
            """ + RealMesos.STORE_POD;

    @RegisterExtension
    static final RealMesos MESOS = new RealMesos(2);

    @TempDir
    Path dir;

    @Test
    void volumeDataSurvivesATaskKillAndAReplaceMovesToAFreshVolume() throws Exception {
        try (RealMesos.Deployed deployed = MESOS.deploy(dir, SPEC)) {
            ServiceApi api = deployed.api();

            assertThat(MESOS.volumeFiles("marker")).singleElement().satisfies(marker ->
                    assertThat(RealMesos.read(marker)).isEqualTo("seeded\n"));
            Path launches = MESOS.volumeFiles("launches").get(0);
            ServiceApi.Task first = api.task("store-0");
            assertThat(RealMesos.read(launches)).isEqualTo(first.id() + "\n");
            String volume = persistenceId("data");

            long pid = Long.parseLong(RealMesos.read(launches.resolveSibling("pid")).strip());
            long killed = System.nanoTime();
            ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no task process " + pid)).destroyForcibly();
            ServiceApi.Task relaunched = await("store-0 relaunched").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL)
                    .ignoreExceptions().until(() -> api.task("store-0"),
                            t -> !t.id().equals(first.id()) && t.state().equals("RUNNING"));
            await("the relaunch wrote into the same volume").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL)
                    .until(() -> RealMesos.read(launches).lines().count() == 2);
            System.out.printf("FIGURE mesos-volume-relaunch (kill -9 to RUNNING on the same volume): %.2f s%n",
                    (System.nanoTime() - killed) / 1e9);
            assertThat(RealMesos.read(launches)).isEqualTo(first.id() + "\n" + relaunched.id() + "\n");
            assertThat(persistenceId("data")).as("the same volume").isEqualTo(volume);

            ServiceApi.Reply reply = api.post("/v1/pod/store-0/replace");
            assertThat(reply.code()).as("replace answered %s", reply.body()).isEqualTo(200);
            ServiceApi.Task replaced = await("store-0 replaced").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL)
                    .ignoreExceptions().until(() -> api.task("store-0"),
                            t -> !t.id().equals(relaunched.id()) && t.state().equals("RUNNING"));
            await("the old volume destroyed, a fresh one made").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL)
                    .ignoreExceptions().until(() -> persistenceIds("data"), ids -> ids.size() == 1 && !ids.contains(volume));
            Path fresh = await("the replacement wrote into its fresh volume").atMost(RealMesos.WAIT)
                    .pollInterval(RealMesos.POLL).until(() -> MESOS.volumeFiles("launches").stream()
                            .filter(f -> !f.equals(launches)).findFirst().orElse(null), f -> f != null);
            assertThat(RealMesos.read(fresh)).isEqualTo(replaced.id() + "\n");
        }
    }

    /** @return the persistence id of the service's only volume at {@code path} on the master */
    private static String persistenceId(String path) {
        List<String> ids = persistenceIds(path);
        assertThat(ids).as("volumes at %s", path).hasSize(1);
        return ids.get(0);
    }

    /** @return the persistence ids of the service's volumes at {@code path} on the master */
    private static List<String> persistenceIds(String path) {
        return MESOS.reservations("volumes-role").stream()
                .filter(r -> path.equals(r.path("disk").path("volume").path("container_path").asText()))
                .map(r -> r.path("disk").path("persistence").path("id").asText()).toList();
    }
}
