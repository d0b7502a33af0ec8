package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.internal.plan.PlanProgress;
import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.plan.TaskProgress;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.internal.spec.SpecDiff;
import io.stratum.sdk.spec.TaskSpec;
import io.stratum.sdk.internal.state.TaskRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the plans of a target config and brings them up to date with what runs. After a restart
 * with an unchanged target, saved progress is restored as is; for a new target, a step is complete
 * from the start when its tasks already run (or ran, for FINISH and ONCE tasks) with a config whose
 * pod spec equals the new one: only changed pods are rolled.
 */
final class DeploymentPlans {
    private DeploymentPlans() {}

    static Map<String, Plan> build(ServiceSpec target, Map<String, PlanProgress> saved, boolean targetChanged,
            TaskCache tasks, Function<String, Optional<ServiceSpec>> configs) {
        Map<String, Plan> plans = PlanFactory.plans(target);
        for (Plan plan : plans.values()) {
            PlanProgress progress = saved.get(plan.name());
            boolean deployment = plan.name().equals(PlanFactory.DEPLOY) || plan.name().equals(PlanFactory.UPDATE);
            if (progress != null && !(deployment && targetChanged)) {
                plan.restore(progress);
            } else if (deployment) {
                markUpToDate(plan, target, tasks, configs);
            }
        }
        return plans;
    }

    private static void markUpToDate(Plan plan, ServiceSpec target, TaskCache tasks,
            Function<String, Optional<ServiceSpec>> configs) {
        for (Step step : plan.steps()) {
            if (isUpToDate(step, target, tasks, configs)) {
                step.forceComplete();
            }
        }
    }

    static boolean isUpToDate(Step step, ServiceSpec target, TaskCache tasks,
            Function<String, Optional<ServiceSpec>> configs) {
        PodInstance pod = step.podInstance();
        PodSpec podSpec = target.pod(pod.podType());
        if (podSpec == null) {
            return false;
        }
        for (String taskName : step.tasks()) {
            Optional<TaskRecord> record = tasks.byName(pod.taskName(taskName));
            TaskSpec taskSpec = podSpec.task(taskName);
            if (record.isEmpty() || taskSpec == null || record.get().lastStatus().isEmpty()) {
                return false;
            }
            Optional<ServiceSpec> launchedWith = configs.apply(record.get().configId());
            if (launchedWith.isEmpty() || launchedWith.get().pod(pod.podType()) == null
                    || SpecDiff.changedPods(launchedWith.get(), target).contains(pod.podType())) {
                return false;
            }
            TaskProgress progress = TaskProgressMapper.progress(taskSpec, record.get().lastStatus().get());
            if (progress != TaskProgress.DONE) {
                return false;
            }
        }
        return true;
    }

    static List<Plan> priority(Map<String, Plan> plans, String deployment, Plan recovery, Plan decommission) {
        java.util.ArrayList<Plan> out = new java.util.ArrayList<>();
        out.add(plans.get(deployment));
        out.add(recovery);
        out.add(decommission);
        plans.forEach((name, plan) -> {
            if (!name.equals(deployment) && !name.equals(PlanFactory.DEPLOY) && !name.equals(PlanFactory.UPDATE)) {
                out.add(plan);
            }
        });
        return out;
    }
}
