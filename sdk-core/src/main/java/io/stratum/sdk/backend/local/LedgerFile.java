package io.stratum.sdk.backend.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stratum.sdk.internal.cluster.AgentJournal;
import io.stratum.sdk.internal.cluster.AgentLedger;
import io.stratum.sdk.resource.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agent's reservations (of its root disk, MOUNT disks and other resources, unreserved or
 * pre-reserved for a role) and persistent volumes, kept in {@code <agent>/ledger.json} (rewritten
 * atomically on every change) so they survive the scheduler; and each volume's directory, made
 * when it is created and deleted with its data when it is destroyed. The rules are the
 * {@link AgentLedger}'s; this is where they are written down.
 * Thread-safe as far as files are: each write replaces the file whole.
 */
final class LedgerFile implements AgentJournal {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's content: reservations by {@code resource_id}, volumes by persistence id. */
    record Entries(Map<String, LedgerRecords.Reserved> reservations, Map<String, LedgerRecords.Volume> volumes) {
        Entries {
            reservations = reservations == null ? new LinkedHashMap<>() : new LinkedHashMap<>(reservations);
            volumes = volumes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(volumes);
        }
    }

    private final AgentDirs agent;

    LedgerFile(AgentDirs agent) {
        this.agent = agent;
    }

    /** @return the reservations as last written, each with its volume; none if there is no file */
    List<Resource> read() {
        Entries entries = entries();
        Map<String, LedgerRecords.Volume> byReservation = new LinkedHashMap<>();
        entries.volumes().values().forEach(v -> byReservation.putIfAbsent(v.resourceId(), v));
        List<Resource> reserved = new ArrayList<>();
        for (LedgerRecords.Reserved r : entries.reservations().values()) {
            reserved.add(LedgerRecords.resource(agent, r, Optional.ofNullable(byReservation.get(r.resourceId()))));
        }
        return reserved;
    }

    /** @return the reservations' records as last written */
    List<LedgerRecords.Reserved> reservations() {
        return List.copyOf(entries().reservations().values());
    }

    /** @return the volumes' records as last written */
    List<LedgerRecords.Volume> volumes() {
        return List.copyOf(entries().volumes().values());
    }

    @Override
    public void changed(List<Resource> reservations) {
        Entries entries = new Entries(null, null);
        for (Resource r : reservations) {
            LedgerRecords.Reserved reserved = LedgerRecords.reserved(r);
            entries.reservations().put(reserved.resourceId(), reserved);
            if (r.volume().isPresent()) {
                LedgerRecords.Volume volume = LedgerRecords.volume(r);
                entries.volumes().put(volume.persistenceId(), volume);
            }
        }
        try {
            AtomicFile.write(agent.ledger(), JSON.writeValueAsBytes(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the ledger", e);
        }
    }

    /** Creates the volume's directory: empty, or kept as it is if it exists. */
    @Override
    public void creatingVolume(Resource disk) {
        Path dir = directory(disk);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create volume directory " + dir, e);
        }
    }

    /**
     * Deletes the volume's directory with its data (a MOUNT disk's directory too: the next volume
     * on the disk makes it again, empty). The cluster makes sure no task uses it.
     */
    @Override
    public void destroyingVolume(Resource disk) {
        FileTrees.delete("volume directory", directory(disk));
    }

    private Entries entries() {
        Path file = agent.ledger();
        if (!Files.exists(file)) {
            return new Entries(null, null);
        }
        try {
            return JSON.readValue(file.toFile(), Entries.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger " + file, e);
        }
    }

    /**
     * @return where the volume a reserved disk carries keeps its data: {@code volumes/<persistence id>}
     *     on the root disk, the disk's own directory {@code mounts/<disk id>} on a MOUNT disk (the
     *     volume uses it whole)
     */
    Path directory(Resource disk) {
        String mount = LedgerRecords.mountId(disk);
        return mount == null ? agent.volume(disk.volume().orElseThrow().persistenceId()) : agent.mount(mount);
    }
}
