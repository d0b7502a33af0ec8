package io.stratum.sdk.backend;

import java.time.Instant;
import java.util.Objects;

/**
 * The last status of one launch of a task: its state and check results. Backend-neutral: backends
 * translate their own status messages into this.
 *
 * @param taskId    the launch the status is about
 * @param state     its state
 * @param health    the health check's last result ({@link CheckState#UNKNOWN} if null)
 * @param readiness the readiness check's last result ({@link CheckState#UNKNOWN} if null)
 * @param message   the backend's explanation, possibly empty (never null)
 * @param timestamp when the backend observed it
 */
public record TaskStatus(String taskId, TaskState state, CheckState health, CheckState readiness,
                         String message, Instant timestamp) {

    public TaskStatus {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(timestamp, "timestamp");
        health = health == null ? CheckState.UNKNOWN : health;
        readiness = readiness == null ? CheckState.UNKNOWN : readiness;
        message = message == null ? "" : message;
    }

    /** @return a status without check results or message */
    public static TaskStatus of(String taskId, TaskState state, Instant timestamp) {
        return new TaskStatus(taskId, state, CheckState.UNKNOWN, CheckState.UNKNOWN, "", timestamp);
    }

    /** @return this status with the given health result */
    public TaskStatus withHealth(CheckState result) {
        return new TaskStatus(taskId, state, result, readiness, message, timestamp);
    }

    /** @return this status with the given readiness result */
    public TaskStatus withReadiness(CheckState result) {
        return new TaskStatus(taskId, state, health, result, message, timestamp);
    }

    /** @return this status with an explanation */
    public TaskStatus withMessage(String text) {
        return new TaskStatus(taskId, state, health, readiness, text, timestamp);
    }
}
