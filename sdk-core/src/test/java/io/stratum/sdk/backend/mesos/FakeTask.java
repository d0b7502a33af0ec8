package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A task the test master launched: where, on which executor, what it holds, and its latest state. */
final class FakeTask {
    final String taskId;
    final String agentId;
    final String executorId;
    final JsonNode info;
    final List<String> resourceIds;
    String state = "TASK_STAGING";
    /** What the fetcher wrote into the sandbox before the task started: content by path. */
    final Map<String, String> sandbox = new LinkedHashMap<>();
    /**
     * The persistent volumes reachable in the task's own (nested) sandbox: persistence id by path.
     * Only those its container mounts from the executor's sandbox, as with Mesos's default executor.
     */
    final Map<String, String> volumes = new LinkedHashMap<>();

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
