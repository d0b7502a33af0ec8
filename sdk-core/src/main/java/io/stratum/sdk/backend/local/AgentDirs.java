package io.stratum.sdk.backend.local;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one agent keeps its files (see the package description). Only computes paths; creates
 * nothing.
 *
 * @param root {@code <workDir>/agents/<agent>}
 */
record AgentDirs(Path root) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    AgentDirs {
        root = root.toAbsolutePath().normalize();
    }

    static AgentDirs of(Path workDir, String agent) {
        return new AgentDirs(workDir.resolve("agents").resolve(checkName("agent", agent)));
    }

    /**
     * @param kind  what the name is, for the message
     * @param name  a task id, persistence id or agent name that becomes a file name
     * @return the name
     * @throws IllegalArgumentException unless it is letters, digits, {@code . _ -}, not starting with {@code .} or {@code -}
     */
    static String checkName(String kind, String name) {
        Objects.requireNonNull(name, kind);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(kind + " must be letters, digits, '.', '_' or '-' (not first): '" + name + "'");
        }
        return name;
    }

    Path ledger() {
        return root.resolve("ledger.json");
    }

    Path volumes() {
        return root.resolve("volumes");
    }

    Path volume(String persistenceId) {
        return volumes().resolve(checkName("persistence id", persistenceId));
    }

    /** @return where the agent's MOUNT disks are: one directory each, {@code mounts/<disk id>} */
    Path mounts() {
        return root.resolve("mounts");
    }

    Path mount(String diskId) {
        return mounts().resolve(checkName("disk id", diskId));
    }

    Path checkpoints() {
        return root.resolve("tasks");
    }

    Path checkpoint(String taskId) {
        return checkpoints().resolve(checkName("task id", taskId) + ".json");
    }

    /** @return where the backend keeps what it must know of each launch besides its process ({@code LaunchRecord}) */
    Path launches() {
        return root.resolve("launches");
    }

    Path launch(String taskId) {
        return launches().resolve(checkName("task id", taskId) + ".json");
    }

    Path sandboxes() {
        return root.resolve("sandboxes");
    }

    Path sandbox(String taskId) {
        return sandboxes().resolve(checkName("task id", taskId));
    }
}
