package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.internal.plan.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every plan the scheduler works on: the ones built from the target config, the recovery plan and
 * the decommission plan; which of them rolls config changes ({@code deploy}, or {@code update}
 * after the first deploy); and which step launched each task. Written by the scheduler loop;
 * {@link #all()} may be read from any thread.
 */
final class PlanSet {
    private final RecoveryManager recovery;
    private final Decommissioner decommission;
    private final Map<String, Step> stepByTaskId = new HashMap<>();
    private volatile Map<String, Plan> declared = Map.of();
    private volatile String deployment = PlanFactory.DEPLOY;

    PlanSet(RecoveryManager recovery, Decommissioner decommission) {
        this.recovery = recovery;
        this.decommission = decommission;
    }

    /** Takes freshly built plans, and indexes the tasks their (restored) steps launched. */
    void replace(Map<String, Plan> built, boolean deployedBefore, List<String> configErrors) {
        deployment = deployedBefore && built.containsKey(PlanFactory.UPDATE) ? PlanFactory.UPDATE : PlanFactory.DEPLOY;
        built.get(deployment).setErrors(configErrors);
        declared = built;
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
        return DeploymentPlans.priority(declared, deployment, recovery.plan(), decommission.plan());
    }

    void launched(Step step, Map<String, String> taskIds) {
        taskIds.values().forEach(id -> stepByTaskId.put(id, step));
    }

    Step stepOf(String taskId) {
        return stepByTaskId.get(taskId);
    }

    void forgetTask(String taskId) {
        stepByTaskId.remove(taskId);
    }
}
