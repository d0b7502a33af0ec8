package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.PhaseDefinition;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.plan.PlanDefinition;
import io.stratum.sdk.plan.StepDefinition;
import io.stratum.sdk.spec.PhaseSpec;
import io.stratum.sdk.spec.PlanSpec;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecRule.Violation;
import io.stratum.sdk.spec.StepSpec;
import io.stratum.sdk.spec.Strategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plans of a target config as {@link PlanDefinition}s: the spec's plans, and without a declared
 * {@code deploy} plan a generated one (serial, one serial phase per pod type named after it, one
 * step per instance launching all its tasks). "All its tasks", here and for a declared phase
 * without steps, leaves out those the pod runs before decommission. Custom steps ({@code - 0: [[a], [b]]},
 * {@code - default: [[a, b]]}) become one step per task group per instance. Then a framework's
 * {@link PlanCustomizer}, and a check of what it returned against the target.
 */
final class PlanDefinitions {
    private PlanDefinitions() {}

    /** What a customizer made of a target's plans, and what is wrong with it. */
    record Customized(Map<String, PlanDefinition> plans, List<Violation> problems) {}

    /** @return every plan of {@code spec} by name, {@code deploy} first */
    static Map<String, PlanDefinition> of(ServiceSpec spec) {
        Map<String, PlanDefinition> plans = new LinkedHashMap<>();
        PlanSpec declaredDeploy = spec.plans().get(PlanFactory.DEPLOY);
        plans.put(PlanFactory.DEPLOY, declaredDeploy != null ? plan(spec, declaredDeploy) : defaultDeploy(spec));
        for (PlanSpec planSpec : spec.plans().values()) {
            plans.putIfAbsent(planSpec.name(), plan(spec, planSpec));
        }
        return Collections.unmodifiableMap(plans);
    }

    /** @return {@code customizer}'s plans for {@code spec}, and every problem with them (its failure included) */
    static Customized customized(ServiceSpec spec, PlanCustomizer customizer) {
        Map<String, PlanDefinition> declared = of(spec);
        Map<String, PlanDefinition> plans;
        try {
            plans = customizer.customize(declared, spec);
        } catch (RuntimeException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return new Customized(Map.of(), List.of(new Violation("plans", "the plan customizer failed: " + why)));
        }
        if (plans == null) {
            return new Customized(Map.of(), List.of(new Violation("plans", "the plan customizer returned no plans")));
        }
        return new Customized(plans, check(plans, spec));
    }

    private static List<Violation> check(Map<String, PlanDefinition> plans, ServiceSpec spec) {
        List<Violation> problems = new ArrayList<>();
        if (!plans.containsKey(PlanFactory.DEPLOY)) {
            problems.add(new Violation("plans." + PlanFactory.DEPLOY, "the plan customizer dropped the deploy plan"));
        }
        plans.forEach((name, plan) -> {
            String at = "plans." + name;
            if (plan == null || !plan.name().equals(name)) {
                problems.add(new Violation(at, plan == null ? "no plan" : "holds plan " + plan.name()));
            } else if (PlanFactory.RESERVED.contains(name)) {
                problems.add(new Violation(at, "the scheduler keeps the name " + name + " for its own plan"));
            } else {
                plan.phases().forEach(phase -> phase.steps().forEach(step ->
                        check(step, spec).ifPresent(why -> problems.add(new Violation(at + ".phases." + phase.name(),
                                "step " + step.name() + ": " + why)))));
            }
        });
        return problems;
    }

    private static Optional<String> check(StepDefinition step, ServiceSpec spec) {
        PodSpec pod = spec.pod(step.podType());
        if (pod == null) {
            return Optional.of("the spec has no pod " + step.podType() + " (it has " + spec.pods().keySet() + ")");
        }
        if (step.index() >= pod.count()) {
            return Optional.of("pod " + pod.name() + " has " + pod.count() + " instances"
                    + (pod.count() == 0 ? "" : " (0 to " + (pod.count() - 1) + ")"));
        }
        return step.tasks().stream().filter(t -> pod.task(t) == null).findFirst()
                .map(t -> "pod " + pod.name() + " has no task " + t + " (it has " + pod.tasks().keySet() + ")");
    }

    private static PlanDefinition defaultDeploy(ServiceSpec spec) {
        List<PhaseDefinition> phases = new ArrayList<>();
        for (PodSpec pod : spec.pods().values()) {
            phases.add(PhaseDefinition.of(pod.name(), Strategy.SERIAL, StepDefinition.eachInstance(pod)));
        }
        return new PlanDefinition(PlanFactory.DEPLOY, Strategy.SERIAL, phases);
    }

    private static PlanDefinition plan(ServiceSpec spec, PlanSpec planSpec) {
        List<PhaseDefinition> phases = new ArrayList<>();
        for (PhaseSpec phaseSpec : planSpec.phases().values()) {
            PodSpec pod = spec.pod(phaseSpec.pod());
            if (pod == null) {
                throw new IllegalArgumentException("phase " + phaseSpec.name() + " names unknown pod " + phaseSpec.pod());
            }
            List<StepDefinition> steps = new ArrayList<>();
            for (int index = 0; index < pod.count(); index++) {
                for (List<String> group : groupsFor(index, pod, phaseSpec.steps())) {
                    steps.add(new StepDefinition(pod.name(), index, group));
                }
            }
            phases.add(PhaseDefinition.of(phaseSpec.name(), phaseSpec.strategy(), steps)
                    .withReserveOnly(phaseSpec.reserveOnly()));
        }
        return new PlanDefinition(planSpec.name(), planSpec.strategy(), phases);
    }

    private static List<List<String>> groupsFor(int index, PodSpec pod, List<StepSpec> custom) {
        Optional<StepSpec> own = custom.stream().filter(s -> !s.isDefault() && s.podIndex() == index).findFirst();
        Optional<StepSpec> fallback = custom.stream().filter(StepSpec::isDefault).findFirst();
        return own.or(() -> fallback).map(StepSpec::tasks).orElse(List.of(pod.deployedTasks()));
    }
}
