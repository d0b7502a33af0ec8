package io.stratum.sdk.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * A task status from the backend.
 *
 * @param status  the status (state, check results, message, time)
 * @param agentId the agent the task runs on, if known
 * @param ackId   present when the update must be acknowledged (it is redelivered until then);
 *                absent for updates the cluster makes itself, such as reconciliation answers
 */
public record TaskStatusUpdate(TaskStatus status, Optional<String> agentId, Optional<String> ackId) {
    public TaskStatusUpdate {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(ackId, "ackId");
    }

    public String taskId() {
        return status.taskId();
    }
}
