package io.stratum.sdk.backend.local;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a task ended.
 *
 * @param taskId   the task's id
 * @param exitCode the command's exit code (128 + n when signal n ended it), or empty when no one
 *                 knows: the task died while the scheduler was away without its wrapper recording
 *                 a code (SIGKILL, a reboot)
 * @param killed   whether this launcher was asked to kill it
 * @param time     when its end was noticed
 */
record TaskExit(String taskId, OptionalInt exitCode, boolean killed, Instant time) {

    TaskExit {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(time, "time");
    }

    /** @return whether the command exited 0 (the backend's FINISHED; else KILLED if killed, else FAILED) */
    boolean succeeded() {
        return exitCode.isPresent() && exitCode.getAsInt() == 0;
    }
}
