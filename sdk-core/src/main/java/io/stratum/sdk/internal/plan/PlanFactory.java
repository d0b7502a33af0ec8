package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.PhaseDefinition;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.plan.PlanDefinition;
import io.stratum.sdk.plan.StepDefinition;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecRule.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds plans from a target config: its {@linkplain PlanDefinitions definitions}, changed by a
 * framework's {@link PlanCustomizer}, become {@link Plan}s whose steps each carry their pod
 * instance resolved against the target. Plans other than {@code deploy} and {@code update} start
 * interrupted: an operator starts them.
 */
public final class PlanFactory {
    /** The plan run at install and on config updates. */
    public static final String DEPLOY = "deploy";
    /** The plan run on config updates after the first deploy, when declared. */
    public static final String UPDATE = "update";
    /** The scheduler's plan of failed pod instances being recovered. */
    public static final String RECOVERY = "recovery";
    /** The scheduler's plan of pod instances being removed. */
    public static final String DECOMMISSION = "decommission";
    /** The plan names the scheduler keeps for itself. */
    public static final Set<String> RESERVED = Set.of(RECOVERY, DECOMMISSION);

    private PlanFactory() {}

    /** @return every plan of {@code spec} by name, {@code deploy} first */
    public static Map<String, Plan> plans(ServiceSpec spec) {
        return plans(spec, PlanCustomizer.none());
    }

    /**
     * @return the plans of {@code spec} as {@code customizer} changes them, by name
     * @throws IllegalArgumentException naming every problem, if the customizer fails or its plans
     *     do not fit {@code spec} (see {@link #problems})
     */
    public static Map<String, Plan> plans(ServiceSpec spec, PlanCustomizer customizer) {
        PlanDefinitions.Customized customized = PlanDefinitions.customized(spec, customizer);
        if (!customized.problems().isEmpty()) {
            throw new IllegalArgumentException("the plans of this config cannot be built: " + customized.problems()
                    .stream().map(v -> v.path() + ": " + v.message()).collect(Collectors.joining("; ")));
        }
        Map<String, Plan> plans = new LinkedHashMap<>();
        customized.plans().values().forEach(plan -> plans.put(plan.name(), plan(plan, spec)));
        return plans;
    }

    /** @return what is wrong with {@code customizer}'s plans for {@code spec}; empty when they can be built */
    public static List<Violation> problems(ServiceSpec spec, PlanCustomizer customizer) {
        return PlanDefinitions.customized(spec, customizer).problems();
    }

    private static Plan plan(PlanDefinition definition, ServiceSpec spec) {
        ExecutionStrategy strategy = ExecutionStrategy.of(definition.strategy());
        List<Phase> phases = new ArrayList<>();
        for (PhaseDefinition phase : definition.phases()) {
            phases.add(phase(definition.name(), phase, spec));
            phase.dependsOn().forEach(prerequisite -> strategy.dependsOn(phase.name(), prerequisite));
        }
        Plan plan = new Plan(definition.name(), strategy, phases);
        if (!definition.name().equals(DEPLOY) && !definition.name().equals(UPDATE)) {
            plan.interrupt();
        }
        return plan;
    }

    private static Phase phase(String planName, PhaseDefinition definition, ServiceSpec spec) {
        List<Step> steps = new ArrayList<>();
        for (StepDefinition step : definition.steps()) {
            PodInstanceRequirement requirement = PodInstanceRequirement.of(spec.pod(step.podType()), step.index(), step.tasks(),
                    RecoveryType.NONE);
            Step built = new Step(PlanIds.of(planName, definition.name(), step.name()), requirement);
            steps.add(definition.reserveOnly() ? built.reservingOnly() : built);
        }
        ExecutionStrategy strategy = ExecutionStrategy.of(definition.strategy());
        if (definition.interrupted()) {
            strategy.interrupt();
        }
        return new Phase(PlanIds.of(planName, definition.name()), definition.name(), strategy, steps);
    }
}
