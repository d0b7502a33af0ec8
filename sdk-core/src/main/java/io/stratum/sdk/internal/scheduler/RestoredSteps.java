package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.plan.PodInstanceRequirement;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.TaskSpec;
import java.util.function.BiFunction;

/**
 * How a step restored from stored progress picks up the launch it had in flight when the scheduler
 * stopped. Only tasks that may still run are reconciled, so a status is never heard again once a
 * task's record holds a terminal one: a task that finished or failed while no scheduler listened
 * (its end reported at registration and stored), or whose end was stored just before the scheduler
 * died and the step's progress was not, would leave the step waiting for good.
 */
final class RestoredSteps {
    private RestoredSteps() {}

    /**
     * A restored step whose launch was in flight (STARTING, STARTED) takes the last status its
     * tasks' records hold, as if it had just arrived: a FINISH task that finished completes it, a
     * task that failed sends it back to launch again. Statuses of other launches (the record was
     * overwritten since) are ignored.
     *
     * @param effective the spec a task of a pod instance runs with (a paused pod's idles)
     */
    static void resume(Step step, TaskCache tasks, BiFunction<PodInstance, TaskSpec, TaskSpec> effective) {
        if (step.status() != Status.STARTING && step.status() != Status.STARTED) {
            return;
        }
        PodInstance pod = step.podInstance();
        PodInstanceRequirement launch = step.launches().orElseThrow();
        step.launchedTaskIds().forEach((task, id) -> {
            TaskSpec spec = launch.task(task) == null ? null : effective.apply(pod, launch.task(task));
            tasks.byName(pod.taskName(task)).filter(r -> spec != null && r.taskId().equals(id))
                    .flatMap(r -> r.lastStatus().map(status -> TaskProgressMapper.progress(spec, status)))
                    .ifPresent(progress -> step.update(task, id, progress));
        });
    }
}
