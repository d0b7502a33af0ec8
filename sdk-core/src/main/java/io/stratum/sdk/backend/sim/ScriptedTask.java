package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import java.time.Instant;

/**
 * A launched task as the cluster tracks it: the launch, its agent and its latest status, STAGING
 * until its script says more. {@code generation} changes when a kill or agent restart overrides the
 * task's script, so that steps still waiting for their time are dropped. Mutable; guarded by the
 * cluster's lock.
 */
final class ScriptedTask {
    final TaskLaunch launch;
    final String agentId;
    TaskStatus status;
    int generation;

    /** A task registered {@code at} on agent {@code agentId}, reporting nothing yet. */
    ScriptedTask(TaskLaunch launch, String agentId, Instant at) {
        this.launch = launch;
        this.agentId = agentId;
        this.status = TaskStatus.of(launch.taskId(), TaskState.STAGING, at);
    }

    String id() {
        return launch.taskId();
    }

    boolean isLive() {
        return !status.state().isTerminal();
    }

    SimTask snapshot() {
        return new SimTask(agentId, status, launch);
    }
}
