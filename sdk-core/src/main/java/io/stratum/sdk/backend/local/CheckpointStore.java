package io.stratum.sdk.backend.local;

import java.util.List;

/**
 * An agent's task checkpoints: one small JSON file per task in {@code <agent>/tasks}, each
 * written atomically. Thread-safe (files are replaced whole).
 */
final class CheckpointStore {
    private final JsonDirectory<Checkpoint> files;

    CheckpointStore(AgentDirs agent) {
        this.files = new JsonDirectory<>("task checkpoint", agent.checkpoints(), Checkpoint.class, agent::checkpoint);
    }

    void write(Checkpoint checkpoint) {
        files.write(checkpoint.taskId(), checkpoint);
    }

    boolean exists(String taskId) {
        return files.exists(taskId);
    }

    void delete(String taskId) {
        files.delete(taskId);
    }

    /** @return every readable checkpoint; an unreadable one is logged and skipped */
    List<Checkpoint> list() {
        return files.list();
    }
}
