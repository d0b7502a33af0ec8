package io.stratum.sdk.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    @TempDir
    Path workDir;

    private AgentDirs agent;
    private Ledger ledger;

    static Reservation disk(String resourceId) {
        return new Reservation(resourceId, "svc-role", "svc-principal", Map.of("resource_id", resourceId), "disk",
                new ResourceValue.Scalar(512));
    }

    static PersistentVolume volume(String persistenceId, String resourceId) {
        return new PersistentVolume(persistenceId, resourceId, "svc-role", "svc-principal", "data", 512);
    }

    @BeforeEach
    void open() {
        agent = AgentDirs.of(workDir, "agent-1");
        ledger = Ledger.open(agent);
    }

    @Test
    void reservationsAndVolumesSurviveAReopen() {
        Reservation ports = new Reservation("ports-1", "svc-role", "svc-principal", Map.of(), "ports",
                new ResourceValue.Ranges(List.of(new ResourceValue.Range(9042, 9042), new ResourceValue.Range(7000, 7001))));
        ledger.reserve(ports);
        ledger.reserve(disk("disk-1"));
        ledger.createVolume(volume("vol-1", "disk-1"));

        Ledger reopened = Ledger.open(agent);

        assertThat(reopened.reservations()).containsExactly(ports, disk("disk-1"));
        assertThat(reopened.volumes()).containsExactly(volume("vol-1", "disk-1"));
        assertThat(agent.volume("vol-1")).isDirectory();
    }

    @Test
    void repeatingAnOperationIsHarmlessButAConflictIsRefused() {
        ledger.reserve(disk("disk-1"));
        ledger.reserve(disk("disk-1"));
        ledger.createVolume(volume("vol-1", "disk-1"));
        ledger.createVolume(volume("vol-1", "disk-1"));

        assertThat(ledger.reservations()).hasSize(1);
        assertThat(ledger.volumes()).hasSize(1);
        Reservation other = new Reservation("disk-1", "other-role", "p", Map.of(), "disk", new ResourceValue.Scalar(1));
        assertThatThrownBy(() -> ledger.reserve(other)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aVolumeNeedsAReservationAndHoldsItUntilDestroyed() {
        assertThatThrownBy(() -> ledger.createVolume(volume("vol-1", "disk-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not reserved");
        ledger.reserve(disk("disk-1"));
        ledger.createVolume(volume("vol-1", "disk-1"));

        assertThatThrownBy(() -> ledger.unreserve("disk-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("destroy it first");
        assertThat(ledger.destroyVolume("vol-1")).isTrue();
        assertThat(ledger.unreserve("disk-1")).isTrue();
        assertThat(ledger.unreserve("disk-1")).isFalse();
        assertThat(Ledger.open(agent).reservations()).isEmpty();
    }

    @Test
    void destroyDeletesTheDirectoryAndItsData() throws Exception {
        ledger.reserve(disk("disk-1"));
        Path dir = ledger.createVolume(volume("vol-1", "disk-1"));
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/c"), "data");

        assertThat(ledger.destroyVolume("vol-1")).isTrue();

        assertThat(dir).doesNotExist();
        assertThat(ledger.volume("vol-1")).isEmpty();
        assertThat(ledger.destroyVolume("vol-1")).isFalse();
    }

    @Test
    void theLedgerIsPlainJson() throws Exception {
        ledger.reserve(disk("disk-1"));

        assertThat(Files.readString(agent.ledger())).contains("\"resourceId\" : \"disk-1\"", "\"type\" : \"scalar\"");
        try (var files = Files.list(agent.root())) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("ledger.json");
        }
    }
}
