package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.TaskStatus;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanCoordinator;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.plan.TaskProgress;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.TaskSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Every plan the scheduler works on: the ones built from the target config, the recovery plan and
 * the decommission plan; which of them rolls config changes ({@code deploy}, or {@code update}
 * after the first deploy); and the one path between launches and steps: {@link #launched} tells a
 * step its launch, {@link #taskStatus} the statuses of the tasks it launched. Written by the
 * scheduler loop; {@link #all()} may be read from any thread.
 */
final class PlanSet {
    private final RecoveryManager recovery;
    private final Decommissioner decommission;
    private final Backoff backoff;
    private final BiFunction<PodInstance, TaskSpec, TaskSpec> effective;
    private final Map<String, Step> stepByTaskId = new HashMap<>();
    private final Map<Step, Plan> declaredPlanOf = new HashMap<>();
    private volatile Map<String, Plan> declared = Map.of();
    private volatile String deployment = PlanFactory.DEPLOY;

    /**
     * @param effective the spec a task of a pod instance runs with (a paused pod's tasks idle, without checks)
     */
    PlanSet(RecoveryManager recovery, Decommissioner decommission, Backoff backoff,
            BiFunction<PodInstance, TaskSpec, TaskSpec> effective) {
        this.recovery = recovery;
        this.decommission = decommission;
        this.backoff = backoff;
        this.effective = effective;
    }

    /** Takes freshly built plans, and indexes the tasks their (restored) steps launched. */
    void replace(Map<String, Plan> built, boolean deployedBefore) {
        deployment = deployedBefore && built.containsKey(PlanFactory.UPDATE) ? PlanFactory.UPDATE : PlanFactory.DEPLOY;
        declared = built;
        declaredPlanOf.clear();
        built.values().forEach(plan -> plan.steps().forEach(step -> declaredPlanOf.put(step, plan)));
        stepByTaskId.clear();
        for (Plan plan : working()) {
            for (Step step : plan.steps()) {
                step.launchedTaskIds().values().forEach(id -> stepByTaskId.put(id, step));
            }
        }
    }

    /** @return the plans built from the config, by name */
    Map<String, Plan> declared() {
        return declared;
    }

    String deploymentName() {
        return deployment;
    }

    Plan deployment() {
        return declared.get(deployment);
    }

    /** @return every plan by name, recovery and decommission included */
    Map<String, Plan> all() {
        Map<String, Plan> out = new LinkedHashMap<>(declared);
        out.put(RecoveryManager.PLAN, recovery.plan());
        out.put(Decommissioner.PLAN, decommission.plan());
        return out;
    }

    /** @return every plan, in no particular order */
    List<Plan> working() {
        List<Plan> out = new ArrayList<>(declared.values());
        out.add(recovery.plan());
        out.add(decommission.plan());
        return out;
    }

    /** @return plans in the order they get offers: deployment, recovery, decommission, custom plans */
    List<Plan> byPriority() {
        List<Plan> out = new ArrayList<>();
        out.add(deployment());
        out.add(recovery.plan());
        out.add(decommission.plan());
        declared.forEach((name, plan) -> {
            if (!name.equals(deployment) && !name.equals(PlanFactory.DEPLOY) && !name.equals(PlanFactory.UPDATE)) {
                out.add(plan);
            }
        });
        return out;
    }

    /**
     * @return the extra environment of {@code step}'s tasks: the parameters its plan was started
     *     with; for a before-decommission step, the ports of its instance's tasks
     */
    Map<String, String> environmentOf(Step step) {
        Plan plan = declaredPlanOf.get(step);
        return plan == null ? decommission.environmentOf(step) : plan.parameters();
    }

    /**
     * Whether a step of a declared plan relaunches the record's task anyway, so that recovery leaves
     * the task to it: the step that launched it, until that step is complete (it sees how its launch
     * ends, and launches again), or a step of its instance with that task that may start now (it
     * kills what still runs of the instance, then launches it).
     */
    boolean relaunches(TaskRecord record, Instant now) {
        Step launcher = stepByTaskId.get(record.taskId());
        if (launcher != null && !launcher.isComplete() && declaredPlanOf.containsKey(launcher)) {
            return true;
        }
        PodInstance pod = TaskCache.podOf(record);
        return PlanCoordinator.candidates(byPriority(), now).stream()
                .anyMatch(step -> step.podInstance().equals(pod) && declaredPlanOf.containsKey(step)
                        && !step.reservesOnly() && step.launches().isPresent() && step.tasks().contains(record.taskName()));
    }

    /** The step's launch was sent: it is STARTING with these tasks (task name to task id). */
    void launched(Step step, Map<String, String> taskIds) {
        step.launched(taskIds);
        taskIds.values().forEach(id -> stepByTaskId.put(id, step));
    }

    /**
     * A status of {@code task}: the step that launched it, unless complete, sees the task's progress;
     * a failure sends the step back to wait, backing off from the second failure on.
     *
     * @return the step's status afterwards; empty when no step waits for the task
     */
    Optional<Status> taskStatus(TaskRecord task, TaskStatus status, Instant now) {
        Step step = stepByTaskId.get(task.taskId());
        TaskSpec launched = step == null || step.isComplete() ? null
                : step.launches().map(r -> r.task(task.taskName())).orElse(null);
        if (launched == null) {
            return Optional.empty();
        }
        TaskSpec spec = effective.apply(step.podInstance(), launched);
        TaskProgress progress = TaskProgressMapper.progress(spec, status);
        if (step.update(task.taskName(), task.taskId(), progress)) { // the launch the step waits for ended
            stepByTaskId.remove(task.taskId());
            Duration delay = progress == TaskProgress.DROPPED ? Duration.ZERO : backoff.delayAfter(step.failures());
            if (!delay.isZero()) {
                step.delayUntil(now.plus(delay));
            }
        }
        return Optional.of(step.status());
    }
}
