package io.stratum.sdk.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent's ledger file: reservations and volumes written down, read back, and volume directories. */
class LedgerFileTest {
    @TempDir
    Path workDir;

    static Resource disk(String resourceId) {
        return Resource.scalar(Resource.DISK, 512).withReservation(new Reservation("svc-role", "svc-principal",
                Map.of(Reservation.RESOURCE_ID, resourceId)));
    }

    static Resource volume(String persistenceId, String resourceId) {
        return disk(resourceId).withVolume(new PersistentVolume(persistenceId, "data"));
    }

    @Test
    void reservationsAndVolumesSurviveAReopen() {
        AgentDirs agent = AgentDirs.of(workDir, "agent-1");
        Resource ports = Resource.ports(Range.of(9042), new Range(7000, 7001))
                .withReservation(Reservation.of("svc-role", "svc-principal", "ports-1"));
        LedgerFile ledger = new LedgerFile(agent);
        ledger.creatingVolume(volume("vol-1", "disk-1"));
        ledger.changed(List.of(ports, volume("vol-1", "disk-1")));

        LedgerFile reopened = new LedgerFile(agent);

        assertThat(reopened.read()).containsExactly(ports, volume("vol-1", "disk-1"));
        assertThat(reopened.volumes()).singleElement().satisfies(v -> {
            assertThat(v.resourceId()).isEqualTo("disk-1");
            assertThat(v.path()).isEqualTo("data");
        });
        assertThat(agent.volume("vol-1")).isDirectory();
    }

    @Test
    void aPreReservedReservationIsWrittenWithTheRefinedRoleAndReadBackAsOffered() {
        AgentDirs agent = AgentDirs.of(workDir, "agent-1");
        Resource cpus = Resource.scalar(Resource.CPUS, 0.75).withPreReservedRole("r")
                .withReservation(Reservation.of("role", "principal", "p1"));
        new LedgerFile(agent).changed(List.of(cpus));

        assertThat(new LedgerFile(agent).reservations()).singleElement().satisfies(r -> {
            assertThat(r.role()).isEqualTo("r/role");
            assertThat(r.preReservedRole()).isEqualTo("r");
        });
        assertThat(new LedgerFile(agent).read()).containsExactly(cpus);
    }

    @Test
    void destroyDeletesTheDirectoryAndItsData() throws Exception {
        AgentDirs agent = AgentDirs.of(workDir, "agent-1");
        LedgerFile ledger = new LedgerFile(agent);
        ledger.creatingVolume(volume("vol-1", "disk-1"));
        Path dir = ledger.directory(volume("vol-1", "disk-1"));
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/c"), "data");

        ledger.destroyingVolume(volume("vol-1", "disk-1"));

        assertThat(dir).doesNotExist();
        assertThat(dir).isEqualTo(agent.volume("vol-1"));
    }

    @Test
    void theLedgerIsPlainJson() throws Exception {
        AgentDirs agent = AgentDirs.of(workDir, "agent-1");
        new LedgerFile(agent).changed(List.of(disk("disk-1")));

        assertThat(Files.readString(agent.ledger())).contains("\"resourceId\" : \"disk-1\"", "\"type\" : \"scalar\"");
        try (var files = Files.list(agent.root())) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("ledger.json");
        }
    }
}
