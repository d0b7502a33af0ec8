package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskStatus;

/**
 * A launched task as the cluster tracks it: the launch, its agent and its latest status. {@code generation} changes when a kill or agent restart overrides the
 * task's script, so that steps still waiting for their time are dropped. Mutable; guarded by the
 * cluster's lock.
 */
final class ScriptedTask {
    final TaskLaunch launch;
    final String agentId;
    TaskStatus status;
    int generation;

    ScriptedTask(TaskLaunch launch, String agentId, TaskStatus status) {
        this.launch = launch;
        this.agentId = agentId;
        this.status = status;
    }

    String id() {
        return launch.taskId();
    }

    boolean isLive() {
        return !status.state().isTerminal();
    }

    SimTask snapshot() {
        return new SimTask(launch.taskId(), launch.fullName(), agentId, status, launch);
    }
}
