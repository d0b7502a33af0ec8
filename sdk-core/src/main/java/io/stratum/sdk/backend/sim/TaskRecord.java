package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskStatus;
import java.util.Set;

/**
 * A launched task as the cluster tracks it: the launch, its agent, the reservations it runs on
 * and its latest status. {@code generation} changes when a kill or agent restart overrides the
 * task's script, so that steps still waiting for their time are dropped. Mutable; guarded by the
 * cluster's lock.
 */
final class TaskRecord {
    final TaskLaunch launch;
    final String agentId;
    final Set<String> reservations;
    TaskStatus status;
    int generation;

    TaskRecord(TaskLaunch launch, String agentId, Set<String> reservations, TaskStatus status) {
        this.launch = launch;
        this.agentId = agentId;
        this.reservations = Set.copyOf(reservations);
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
