package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Converts a Mesos {@code TaskStatus} into our {@link TaskStatusUpdate}: its state, the health
 * check's verdict ({@code healthy}), the readiness check's ({@code check_status}), a message
 * with the reason, and the {@code uuid} as the ack id. Updates the master makes itself
 * (reconciliation answers, agent loss) carry no uuid and so no ack id. Stateless.
 */
final class StatusJson {
    private StatusJson() {}

    /** @param received when the update arrived, for statuses without a timestamp */
    static TaskStatusUpdate fromJson(JsonNode status, Instant received) {
        String taskId = Wire.idOf(status, "task_id")
                .orElseThrow(() -> new IllegalArgumentException("a status update without a task id"));
        Instant timestamp = status.path("timestamp").isNumber()
                ? Instant.ofEpochMilli(Math.round(status.path("timestamp").asDouble() * 1000)) : received;
        TaskStatus ours = new TaskStatus(taskId, state(status.path("state").asText()), health(status),
                readiness(status.path("check_status")), message(status), timestamp);
        return new TaskStatusUpdate(ours, Wire.idOf(status, "agent_id"), Wire.text(status, "uuid"));
    }

    /**
     * @return our state for a Mesos {@code TaskState}. {@code TASK_UNKNOWN} (the master's answer to
     *     reconciling a task it does not know) is LOST, as the backend SPI answers unknown tasks;
     *     a state newer than this code is {@link TaskState#UNKNOWN}.
     */
    static TaskState state(String mesosState) {
        return switch (mesosState) {
            case "TASK_STAGING" -> TaskState.STAGING;
            case "TASK_STARTING" -> TaskState.STARTING;
            case "TASK_RUNNING" -> TaskState.RUNNING;
            case "TASK_KILLING" -> TaskState.KILLING;
            case "TASK_FINISHED" -> TaskState.FINISHED;
            case "TASK_FAILED" -> TaskState.FAILED;
            case "TASK_KILLED" -> TaskState.KILLED;
            case "TASK_ERROR" -> TaskState.ERROR;
            case "TASK_LOST" -> TaskState.LOST;
            case "TASK_DROPPED" -> TaskState.DROPPED;
            case "TASK_UNREACHABLE" -> TaskState.UNREACHABLE;
            case "TASK_GONE", "TASK_GONE_BY_OPERATOR" -> TaskState.GONE;
            case "TASK_UNKNOWN" -> TaskState.LOST;
            default -> TaskState.UNKNOWN;
        };
    }

    private static CheckState health(JsonNode status) {
        JsonNode healthy = status.path("healthy");
        if (!healthy.isBoolean()) {
            return CheckState.UNKNOWN;
        }
        return healthy.asBoolean() ? CheckState.PASSED : CheckState.FAILED;
    }

    /**
     * A {@code CheckStatusInfo} holds the check's type and, once it has run, its result; until
     * then the result is empty ({@code "command": {}}), which is no verdict yet.
     */
    static CheckState readiness(JsonNode check) {
        Optional<Boolean> passed = switch (check.path("type").asText()) {
            case "COMMAND" -> number(check.path("command"), "exit_code").map(code -> code == 0);
            case "HTTP" -> number(check.path("http"), "status_code").map(code -> code >= 200 && code <= 399);
            case "TCP" -> check.path("tcp").path("succeeded").isBoolean()
                    ? Optional.of(check.path("tcp").path("succeeded").asBoolean()) : Optional.empty();
            default -> Optional.empty();
        };
        return passed.map(p -> p ? CheckState.PASSED : CheckState.FAILED).orElse(CheckState.UNKNOWN);
    }

    private static Optional<Long> number(JsonNode message, String field) {
        JsonNode value = message.path(field);
        return value.isNumber() ? Optional.of(value.asLong()) : Optional.empty();
    }

    private static String message(JsonNode status) {
        String message = status.path("message").asText("");
        Optional<String> reason = Wire.text(status, "reason");
        if (reason.isEmpty()) {
            return message;
        }
        return message.isEmpty() ? reason.get() : message + " (" + reason.get() + ")";
    }
}
