package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import io.stratum.sdk.internal.plan.TaskProgress;
import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.spec.TaskSpec;

/**
 * Turns a task status into the progress a plan step sees, given what the task is for: a RUNNING
 * task is DONE once running and ready (or running, without a readiness check); FINISH and ONCE
 * tasks are DONE when they exit 0; a launch the cluster never started is DROPPED; anything that
 * ends otherwise is FAILED.
 */
final class TaskProgressMapper {
    private TaskProgressMapper() {}

    static TaskProgress progress(TaskSpec spec, TaskStatus status) {
        return switch (status.state()) {
            case STAGING, STARTING -> TaskProgress.STARTING;
            case RUNNING, KILLING -> running(spec, status);
            case FINISHED -> spec.goal() == Goal.RUNNING ? TaskProgress.FAILED : TaskProgress.DONE;
            case UNKNOWN -> TaskProgress.STARTING;
            case DROPPED -> TaskProgress.DROPPED;
            default -> TaskProgress.FAILED;
        };
    }

    private static TaskProgress running(TaskSpec spec, TaskStatus status) {
        if (spec.goal() != Goal.RUNNING) {
            return TaskProgress.RUNNING;
        }
        return spec.readinessCheck() == null || status.readiness() == CheckState.PASSED
                ? TaskProgress.DONE : TaskProgress.RUNNING;
    }

    /** @return whether the task needs recovery: it ended without reaching a terminal goal */
    static boolean needsRecovery(TaskSpec spec, TaskStatus status) {
        if (!status.state().isTerminal()) {
            return false;
        }
        return !(status.state() == TaskState.FINISHED && spec.goal() != Goal.RUNNING);
    }
}
