package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import java.util.Objects;

/**
 * A task the simulated cluster launched, as it stands now: see {@link SimCluster#tasks()}.
 *
 * @param taskId  the launch's task id
 * @param name    the task's full name, {@code <pod>-<index>-<task>}
 * @param agentId the agent it was launched on
 * @param status  its latest status (state, check results, message, time)
 * @param launch  the launch as the scheduler sent it
 */
public record SimTask(String taskId, String name, String agentId, TaskStatus status, TaskLaunch launch) {
    public SimTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(launch, "launch");
    }

    /** @return its latest state */
    public TaskState state() {
        return status.state();
    }

    /** @return whether it has not reached a terminal state */
    public boolean isLive() {
        return !status.state().isTerminal();
    }
}
