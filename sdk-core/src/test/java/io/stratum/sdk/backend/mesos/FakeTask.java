package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A task the test master launched: where, on which executor, what it holds, and its latest state. */
final class FakeTask {
    final String taskId;
    final String agentId;
    final String executorId;
    final JsonNode info;
    final List<String> resourceIds;
    String state = "TASK_STAGING";

    FakeTask(String taskId, String agentId, String executorId, JsonNode info, List<String> resourceIds) {
        this.taskId = taskId;
        this.agentId = agentId;
        this.executorId = executorId;
        this.info = info;
        this.resourceIds = resourceIds;
    }

    boolean isLive() {
        return switch (state) {
            case "TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_KILLING", "TASK_UNREACHABLE" -> true;
            default -> false;
        };
    }
}
