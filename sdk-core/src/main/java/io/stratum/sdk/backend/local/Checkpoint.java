package io.stratum.sdk.backend.local;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What the agent records on disk about a launched task, so a restarted scheduler can find its
 * process again (see {@link TaskLauncher#adopt()}). A pid with its start time names a process
 * unambiguously: a pid alone may have been reused since.
 *
 * @param taskId      the task's id
 * @param pid         the wrapper's pid (also its process group and session id), or 0 while the
 *                    launch has not returned one yet
 * @param startMillis the process's start time ({@link ProcessHandle.Info#startInstant()}), epoch
 *                    millis, or 0 with pid 0
 * @param sandbox     the sandbox directory
 * @param commandHash {@link TaskWrapper#hash} of the command
 */
record Checkpoint(String taskId, long pid, long startMillis, String sandbox, String commandHash) {

    Checkpoint {
        AgentDirs.checkName("task id", taskId);
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(commandHash, "commandHash");
        if (pid < 0) {
            throw new IllegalArgumentException("pid must be 0 or more: " + pid);
        }
    }

    /** @return the checkpoint of a launch about to start */
    static Checkpoint launching(String taskId, Sandbox sandbox, String command) {
        return new Checkpoint(taskId, 0, 0, sandbox.dir().toString(), TaskWrapper.hash(command));
    }

    /** @return this checkpoint with the started process */
    Checkpoint started(long pid, Instant start) {
        return new Checkpoint(taskId, pid, start.toEpochMilli(), sandbox, commandHash);
    }

    Instant startTime() {
        return Instant.ofEpochMilli(startMillis);
    }

    Sandbox sandboxDir() {
        return new Sandbox(Path.of(sandbox));
    }
}
