package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.plan.PodInstanceRequirement;
import io.stratum.sdk.internal.plan.RecoveryType;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.TaskSpec;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The recovery plan as a scheduler starting its term finds it in the stored state. The plan lives in
 * memory, and tasks whose records hold a terminal status are not reconciled, so without this a
 * scheduler restarted between a kill or a failure and the relaunch that was to follow would leave
 * the instance down for good. Each pod instance of the target that is not being decommissioned
 * gets back the step the scheduler before had for it, in this order:
 * <ol>
 *   <li>a replacement, when its records are marked for one ({@link Replacements#pending});</li>
 *   <li>a relaunch in place of all its tasks, when they are marked for an operator's restart, pause
 *       or resume ({@link RelaunchMarks}): the kill may have reached them or not;</li>
 *   <li>the relaunch in place a failure gives ({@link RecoveryManager#relaunched}), when a task
 *       that should run (goal RUNNING, as the instance runs it: a paused one idles) holds a status
 *       that needs recovery ({@link TaskProgressMapper#needsRecovery}): it failed, was lost, or was
 *       killed by a relaunch that never came. A FINISH or ONCE task that finished is done.</li>
 * </ol>
 * A task a step of a declared plan relaunches anyway ({@link PlanSet#relaunches}: the deployment
 * rolling the instance, a step whose own launch ended) is left to that step, as a running scheduler
 * leaves it. Instances of tasks killed by a decommission are not in the target. Nothing is killed or
 * launched here (the backend has not started): the steps do that once offers come.
 */
final class RecoveryResumption {
    private final TaskCache tasks;
    private final RecoveryManager recovery;
    private final Predicate<PodInstance> decommissioning;
    private final BiFunction<PodInstance, TaskSpec, TaskSpec> effective;
    private final BiPredicate<TaskRecord, Instant> relaunchedAnyway;

    /**
     * @param effective        the spec a task of a pod instance runs with (a paused pod's idles)
     * @param relaunchedAnyway whether a declared plan relaunches a record's task anyway
     */
    RecoveryResumption(TaskCache tasks, RecoveryManager recovery, Predicate<PodInstance> decommissioning,
            BiFunction<PodInstance, TaskSpec, TaskSpec> effective, BiPredicate<TaskRecord, Instant> relaunchedAnyway) {
        this.tasks = tasks;
        this.recovery = recovery;
        this.decommissioning = decommissioning;
        this.effective = effective;
        this.relaunchedAnyway = relaunchedAnyway;
    }

    /** Gives every instance of {@code target} that needs one its recovery step back. */
    void resume(ServiceSpec target, Instant now) {
        for (PodInstance pod : tasks.podInstances()) {
            PodSpec spec = target.pod(pod.podType());
            if (spec == null || pod.index() >= spec.count() || decommissioning.test(pod) || recovery.isRecovering(pod)) {
                continue;
            }
            List<TaskRecord> records = tasks.of(pod);
            if (Replacements.pending(spec, records)) {
                recovery.replace(PodInstanceRequirement.of(spec, pod.index(), PodCommands.taskNames(spec, records),
                        RecoveryType.PERMANENT));
                continue;
            }
            List<TaskRecord> left = records.stream().filter(r -> !relaunchedAnyway.test(r, now)).toList();
            if (left.stream().anyMatch(r -> RelaunchMarks.restarting(spec, r))) {
                recovery.restart(PodInstanceRequirement.of(spec, pod.index(), PodCommands.taskNames(spec, records),
                        RecoveryType.TRANSIENT));
                continue;
            }
            List<TaskRecord> down = left.stream().filter(r -> isDown(pod, spec, r)).toList();
            RecoveryManager.relaunched(spec, down, records).ifPresent(relaunch -> recovery.failed(relaunch, now));
        }
    }

    /** @return whether the record's task should run but its last status says it ended */
    private boolean isDown(PodInstance pod, PodSpec spec, TaskRecord record) {
        TaskSpec task = spec.task(record.taskName());
        TaskSpec runs = task == null ? null : effective.apply(pod, task);
        return runs != null && runs.goal() == Goal.RUNNING
                && record.lastStatus().filter(status -> TaskProgressMapper.needsRecovery(runs, status)).isPresent();
    }
}
