package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import java.util.Objects;

/**
 * A task the simulated cluster launched, as it stands now: see {@link SimCluster#tasks()}.
 *
 * @param agentId the agent it was launched on
 * @param status  its latest status (state, check results, message, time)
 * @param launch  the launch as the scheduler sent it
 */
public record SimTask(String agentId, TaskStatus status, TaskLaunch launch) {
    public SimTask {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(launch, "launch");
    }

    /** @return the launch's task id */
    public String taskId() {
        return launch.taskId();
    }

    /** @return the task's full name, {@code <pod>-<index>-<task>} */
    public String name() {
        return launch.fullName();
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
