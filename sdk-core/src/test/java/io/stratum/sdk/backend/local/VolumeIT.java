package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.LocalFixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A persistent volume outlives its task: a relaunch in a new sandbox finds the data. */
class VolumeIT {
    private static final Resource VOLUME = Resource.scalar(Resource.DISK, 512)
            .withReservation(Reservation.of("svc-role", "svc-principal", "disk-1"))
            .withVolume(new PersistentVolume("vol-1", "data"));

    @RegisterExtension
    final LocalFixtures fixtures = new LocalFixtures();
    private final TaskLauncher launcher = fixtures.launcher();
    private final LedgerFile ledger = new LedgerFile(fixtures.agent);

    @BeforeEach
    void createVolume() {
        ledger.creatingVolume(VOLUME);
    }

    @Test
    void aRelaunchInANewSandboxSeesTheVolumesData() throws Exception {
        TaskProcess first = fixtures.launch(launcher, "server-1", "echo generation-1 >> data/log", Map.of(),
                Map.of("data", "vol-1"));
        assertThat(first.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS).succeeded()).isTrue();
        launcher.acknowledge("server-1");
        first.sandbox().delete();

        TaskProcess second = fixtures.launch(launcher, "server-2", "echo generation-2 >> data/log; cat data/log",
                Map.of(), Map.of("data", "vol-1"));

        assertThat(second.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(second.sandbox().dir()).isNotEqualTo(first.sandbox().dir());
        assertThat(second.sandbox().stdout()).hasContent("generation-1\ngeneration-2");
        assertThat(fixtures.agent.volume("vol-1").resolve("log")).hasContent("generation-1\ngeneration-2");
    }

    @Test
    void destroyDeletesTheVolumesData() throws Exception {
        TaskProcess task = fixtures.launch(launcher, "writer", "mkdir -p data/deep && echo x > data/deep/file",
                Map.of(), Map.of("data", "vol-1"));
        task.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        ledger.destroyingVolume(VOLUME);

        assertThat(fixtures.agent.volume("vol-1")).doesNotExist();
        assertThat(Files.isSymbolicLink(task.sandbox().dir().resolve("data"))).isTrue();
    }
}
