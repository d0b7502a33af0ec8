package io.stratum.sdk.internal.plan;

import io.stratum.sdk.spec.PhaseSpec;
import io.stratum.sdk.spec.PlanSpec;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.StepSpec;
import io.stratum.sdk.spec.Strategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds plans from a spec. Declared plans become plans as written; without a declared
 * {@code deploy} plan, one is generated: serial, one serial phase per pod type (named after it),
 * one step per instance launching all its tasks. Custom steps ({@code - 0: [[a], [b]]},
 * {@code - default: [[a, b]]}) become one step per task group per instance. Plans other than
 * {@code deploy} and {@code update} start interrupted: an operator starts them.
 */
public final class PlanFactory {
    /** The plan run at install and on config updates. */
    public static final String DEPLOY = "deploy";
    /** The plan run on config updates after the first deploy, when declared. */
    public static final String UPDATE = "update";

    private PlanFactory() {}

    /** @return every plan of {@code spec} by name, {@code deploy} first */
    public static Map<String, Plan> plans(ServiceSpec spec) {
        Map<String, Plan> plans = new LinkedHashMap<>();
        PlanSpec declaredDeploy = spec.plans().get(DEPLOY);
        plans.put(DEPLOY, declaredDeploy != null ? plan(spec, declaredDeploy) : defaultDeploy(spec));
        for (PlanSpec planSpec : spec.plans().values()) {
            if (!planSpec.name().equals(DEPLOY)) {
                Plan plan = plan(spec, planSpec);
                if (!planSpec.name().equals(UPDATE)) {
                    plan.interrupt();
                }
                plans.put(planSpec.name(), plan);
            }
        }
        return plans;
    }

    /** @return the generated deploy plan: one serial phase per pod type */
    public static Plan defaultDeploy(ServiceSpec spec) {
        List<Phase> phases = new ArrayList<>();
        for (PodSpec pod : spec.pods().values()) {
            phases.add(phase(DEPLOY, pod.name(), Strategy.SERIAL, pod, List.of()));
        }
        return new Plan(DEPLOY, ExecutionStrategy.of(Strategy.SERIAL), phases);
    }

    private static Plan plan(ServiceSpec spec, PlanSpec planSpec) {
        List<Phase> phases = new ArrayList<>();
        for (PhaseSpec phaseSpec : planSpec.phases().values()) {
            PodSpec pod = spec.pod(phaseSpec.pod());
            if (pod == null) {
                throw new IllegalArgumentException("phase " + phaseSpec.name() + " names unknown pod " + phaseSpec.pod());
            }
            phases.add(phase(planSpec.name(), phaseSpec.name(), phaseSpec.strategy(), pod, phaseSpec.steps()));
        }
        return new Plan(planSpec.name(), ExecutionStrategy.of(planSpec.strategy()), phases);
    }

    private static Phase phase(String planName, String phaseName, Strategy strategy, PodSpec pod, List<StepSpec> custom) {
        List<Step> steps = new ArrayList<>();
        for (int index = 0; index < pod.count(); index++) {
            PodInstance instance = new PodInstance(pod.name(), index);
            for (List<String> group : groupsFor(index, pod, custom)) {
                String stepName = instance.name() + ":" + group;
                steps.add(new Step(PlanIds.of(planName, phaseName, stepName), instance, group, RecoveryType.NONE));
            }
        }
        return new Phase(PlanIds.of(planName, phaseName), phaseName, ExecutionStrategy.of(strategy), steps);
    }

    private static List<List<String>> groupsFor(int index, PodSpec pod, List<StepSpec> custom) {
        Optional<StepSpec> own = custom.stream().filter(s -> !s.isDefault() && s.podIndex() == index).findFirst();
        Optional<StepSpec> fallback = custom.stream().filter(StepSpec::isDefault).findFirst();
        return own.or(() -> fallback).map(StepSpec::tasks).orElse(List.of(List.copyOf(pod.tasks().keySet())));
    }
}
