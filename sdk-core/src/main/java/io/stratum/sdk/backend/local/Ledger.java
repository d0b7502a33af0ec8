package io.stratum.sdk.backend.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agent's reservations (of its root disk, MOUNT disks and other resources, unreserved or
 * pre-reserved for a role) and persistent volumes, kept in {@code <agent>/ledger.json} (rewritten
 * atomically on every change) so they survive the scheduler.
 *
 * <p>The rules are Mesos's: a volume is created on a reserved disk, and a reservation with a
 * volume on it cannot be unreserved until the volume is destroyed. Repeating an operation with
 * the same record is harmless (a scheduler that died before it saw the result sends it again);
 * the same id with a different record is refused. Thread-safe.
 */
final class Ledger {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The ledger file's content. */
    record Entries(Map<String, Reservation> reservations, Map<String, PersistentVolume> volumes) {
        Entries {
            reservations = reservations == null ? new LinkedHashMap<>() : new LinkedHashMap<>(reservations);
            volumes = volumes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(volumes);
        }
    }

    private final AgentDirs agent;
    private final Entries entries;

    private Ledger(AgentDirs agent, Entries entries) {
        this.agent = agent;
        this.entries = entries;
    }

    /** @return the agent's ledger as last written, or an empty one */
    static Ledger open(AgentDirs agent) {
        Path file = agent.ledger();
        if (!Files.exists(file)) {
            return new Ledger(agent, new Entries(null, null));
        }
        try {
            return new Ledger(agent, JSON.readValue(file.toFile(), Entries.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger " + file, e);
        }
    }

    synchronized List<Reservation> reservations() {
        return List.copyOf(entries.reservations().values());
    }

    synchronized List<PersistentVolume> volumes() {
        return List.copyOf(entries.volumes().values());
    }

    synchronized Optional<PersistentVolume> volume(String persistenceId) {
        return Optional.ofNullable(entries.volumes().get(persistenceId));
    }

    /** @throws IllegalStateException if the resource id is reserved differently */
    synchronized void reserve(Reservation reservation) {
        Reservation existing = entries.reservations().get(reservation.resourceId());
        if (reservation.equals(existing)) {
            return;
        }
        if (existing != null) {
            throw new IllegalStateException("resource " + reservation.resourceId() + " is reserved already: " + existing);
        }
        entries.reservations().put(reservation.resourceId(), reservation);
        save();
    }

    /**
     * Changes the amount of a reservation, as growing or shrinking it under the same id does.
     *
     * @throws IllegalStateException if there is no such reservation, or a volume is on it
     */
    synchronized void resize(String resourceId, ResourceValue value) {
        Reservation existing = entries.reservations().get(resourceId);
        if (existing == null) {
            throw new IllegalStateException("resource " + resourceId + " is not reserved");
        }
        requireNoVolume(resourceId);
        entries.reservations().put(resourceId, existing.withValue(value));
        save();
    }

    /**
     * @return whether there was such a reservation
     * @throws IllegalStateException if a volume is on it
     */
    synchronized boolean unreserve(String resourceId) {
        requireNoVolume(resourceId);
        if (entries.reservations().remove(resourceId) == null) {
            return false;
        }
        save();
        return true;
    }

    /**
     * Creates a volume's directory (empty, or kept as it is if it exists) and records the volume.
     *
     * @return the volume's directory
     * @throws IllegalStateException if its resource is not reserved, or the id is taken by another volume
     */
    synchronized Path createVolume(PersistentVolume volume) {
        PersistentVolume existing = entries.volumes().get(volume.persistenceId());
        if (existing != null && !existing.equals(volume)) {
            throw new IllegalStateException("volume " + volume.persistenceId() + " exists already: " + existing);
        }
        Reservation disk = entries.reservations().get(volume.resourceId());
        if (disk == null) {
            throw new IllegalStateException("volume " + volume.persistenceId() + " needs reserved disk, but resource "
                    + volume.resourceId() + " is not reserved");
        }
        if (!java.util.Objects.equals(disk.mount(), volume.mount())) {
            throw new IllegalStateException("volume " + volume.persistenceId() + " is on disk "
                    + (volume.mount() == null ? "ROOT" : volume.mount()) + " but resource " + volume.resourceId()
                    + " is on " + (disk.mount() == null ? "ROOT" : disk.mount()));
        }
        Path dir = directory(volume);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create volume directory " + dir, e);
        }
        if (existing == null) {
            entries.volumes().put(volume.persistenceId(), volume);
            save();
        }
        return dir;
    }

    /**
     * Deletes a volume's directory with its data (a MOUNT disk's directory too: the next volume on
     * the disk makes it again, empty), then its record. The caller makes sure no task uses it.
     *
     * @return whether there was such a volume
     */
    synchronized boolean destroyVolume(String persistenceId) {
        PersistentVolume volume = entries.volumes().get(persistenceId);
        if (volume == null) {
            return false;
        }
        FileTrees.delete("volume directory", directory(volume));
        entries.volumes().remove(persistenceId);
        save();
        return true;
    }

    /**
     * @return where {@code volume}'s data is: {@code volumes/<persistence id>} on the root disk, the
     *     disk's own directory {@code mounts/<disk id>} on a MOUNT disk (the volume uses it whole)
     */
    Path directory(PersistentVolume volume) {
        return volume.mount() == null ? agent.volume(volume.persistenceId()) : agent.mount(volume.mount());
    }

    private void requireNoVolume(String resourceId) {
        entries.volumes().values().stream().filter(volume -> volume.resourceId().equals(resourceId)).findFirst()
                .ifPresent(volume -> {
                    throw new IllegalStateException("resource " + resourceId + " holds volume " + volume.persistenceId()
                            + ": destroy it first");
                });
    }

    private void save() {
        try {
            AtomicFile.write(agent.ledger(), JSON.writeValueAsBytes(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the ledger", e);
        }
    }
}
