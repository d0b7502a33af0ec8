package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.internal.plan.PlanProgress;
import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.plan.PodInstanceRequirement;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.plan.TaskProgress;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.internal.spec.SpecDiff;
import io.stratum.sdk.spec.TaskSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Builds the plans of the target config (see {@link TargetConfig#plans()}) and brings them up to
 * date with what runs. After a restart with an unchanged target, saved progress is restored, and a
 * step whose launch was in flight takes what its tasks' records say ({@link RestoredSteps}); for a
 * new target, a step is complete from the start when its tasks
 * already run (or ran, for FINISH and ONCE tasks) with a config whose pod spec equals the new one:
 * only changed pods are rolled. A reserve-only step is complete from the start when its instance is
 * placed.
 */
final class DeploymentPlans {
    private DeploymentPlans() {}

    /**
     * @param config        the target config
     * @param tasks         what runs
     * @param saved         the stored progress of each plan, by name
     * @param targetChanged whether the target is new: the deployment plans then start from what runs
     * @param effective     the spec a task of a pod instance runs with (a paused pod's idles)
     * @return the plans of the target, by name
     * @throws IllegalArgumentException if the customizer's plans do not fit the target
     */
    static Map<String, Plan> build(TargetConfig config, TaskCache tasks, Map<String, PlanProgress> saved,
            boolean targetChanged, BiFunction<PodInstance, TaskSpec, TaskSpec> effective) {
        Map<String, Plan> plans = config.plans();
        for (Plan plan : plans.values()) {
            PlanProgress progress = saved.get(plan.name());
            boolean deployment = plan.name().equals(PlanFactory.DEPLOY) || plan.name().equals(PlanFactory.UPDATE);
            if (progress != null && !(deployment && targetChanged)) {
                plan.restore(progress);
                plan.steps().forEach(step -> RestoredSteps.resume(step, tasks, effective));
            } else if (deployment) {
                plan.steps().stream().filter(s -> isUpToDate(s, config, tasks)).forEach(Step::forceComplete);
            }
        }
        return plans;
    }

    private static boolean isUpToDate(Step step, TargetConfig config, TaskCache tasks) {
        Optional<PodInstanceRequirement> launches = step.launches();
        if (launches.isEmpty()) {
            return false;
        }
        if (step.reservesOnly()) { // an instance placed already has nothing to reserve
            return isPlaced(tasks.of(step.podInstance()));
        }
        String podType = step.podInstance().podType();
        for (String taskName : step.tasks()) {
            Optional<TaskRecord> record = tasks.byName(step.podInstance().taskName(taskName));
            TaskSpec taskSpec = launches.get().task(taskName);
            if (record.isEmpty() || record.get().lastStatus().isEmpty()) {
                return false;
            }
            Optional<ServiceSpec> launchedWith = config.fetch(record.get().configId());
            if (launchedWith.isEmpty() || launchedWith.get().pod(podType) == null
                    || SpecDiff.changedPods(launchedWith.get(), config.target()).contains(podType)) {
                return false;
            }
            if (TaskProgressMapper.progress(taskSpec, record.get().lastStatus().get()) != TaskProgress.DONE) {
                return false;
            }
        }
        return true;
    }

    /** @return whether an instance with these task records holds reservations */
    static boolean isPlaced(List<TaskRecord> records) {
        return records.stream().anyMatch(r -> !PodRequests.neverApplied(r));
    }
}
