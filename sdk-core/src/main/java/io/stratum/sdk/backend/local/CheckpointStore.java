package io.stratum.sdk.backend.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent's task checkpoints: one small JSON file per task in {@code <agent>/tasks}, each
 * written atomically. Thread-safe (files are replaced whole).
 */
final class CheckpointStore {
    private static final System.Logger LOG = System.getLogger(CheckpointStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final AgentDirs agent;

    CheckpointStore(AgentDirs agent) {
        this.agent = agent;
    }

    void write(Checkpoint checkpoint) {
        try {
            AtomicFile.write(agent.checkpoint(checkpoint.taskId()), JSON.writeValueAsBytes(checkpoint));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + checkpoint, e);
        }
    }

    boolean exists(String taskId) {
        return Files.exists(agent.checkpoint(taskId));
    }

    void delete(String taskId) {
        try {
            Files.deleteIfExists(agent.checkpoint(taskId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the checkpoint of " + taskId, e);
        }
    }

    /** @return every readable checkpoint; an unreadable one is logged and skipped */
    List<Checkpoint> list() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(agent.checkpoints(), "*.json")) {
            for (Path file : files) {
                try {
                    checkpoints.add(JSON.readValue(file.toFile(), Checkpoint.class));
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "skipping unreadable task checkpoint " + file, e);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + agent.checkpoints(), e);
        }
        return checkpoints;
    }
}
