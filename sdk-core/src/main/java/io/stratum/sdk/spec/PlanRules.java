package io.stratum.sdk.spec;

import io.stratum.sdk.internal.text.DidYouMean;
import java.util.HashSet;
import java.util.Set;

/**
 * Plans must name pods that exist, tasks of those pods, and instance indexes below the count; the
 * scheduler's own plans' names are not for specs.
 */
final class PlanRules {
    /** The plans the scheduler builds itself, whatever the spec says. */
    private static final Set<String> RESERVED = Set.of("recovery", "decommission");

    private PlanRules() {}

    static void check(ServiceSpec spec, SpecRules rules) {
        for (PlanSpec plan : spec.plans().values()) {
            if (RESERVED.contains(plan.name())) {
                rules.problem("plans." + plan.name(), "the plan name '" + plan.name()
                        + "' is the scheduler's own (it builds the recovery and decommission plans itself)");
            }
            for (PhaseSpec phase : plan.phases().values()) {
                String at = "plans." + plan.name() + ".phases." + phase.name();
                PodSpec pod = spec.pod(phase.pod());
                if (pod == null) {
                    if (!phase.pod().isEmpty()) {
                        rules.problem(at + ".pod", "unknown pod '" + phase.pod() + "'"
                                + DidYouMean.hint(phase.pod(), spec.pods().keySet()));
                    }
                    continue;
                }
                steps(pod, phase, at, rules);
            }
        }
    }

    private static void steps(PodSpec pod, PhaseSpec phase, String at, SpecRules rules) {
        Set<Integer> indexes = new HashSet<>();
        boolean sawDefault = false;
        for (int i = 0; i < phase.steps().size(); i++) {
            StepSpec step = phase.steps().get(i);
            String stepAt = at + ".steps[" + i + "]";
            if (step.isDefault()) {
                if (sawDefault) {
                    rules.problem(stepAt, "'default' is given twice");
                }
                sawDefault = true;
            } else if (!indexes.add(step.podIndex())) {
                rules.problem(stepAt, "pod index " + step.podIndex() + " is given twice");
            } else if (step.podIndex() >= pod.count()) {
                rules.problem(stepAt, "pod index " + step.podIndex() + " is out of range: pod '" + pod.name()
                        + "' has " + pod.count() + " instance(s)");
            }
            Set<String> seen = new HashSet<>();
            for (var group : step.tasks()) {
                for (String task : group) {
                    if (pod.task(task) == null) {
                        rules.problem(stepAt, "unknown task '" + task + "' in pod '" + pod.name() + "'"
                                + DidYouMean.hint(task, pod.tasks().keySet()));
                    } else if (!seen.add(task)) {
                        rules.problem(stepAt, "task '" + task + "' is listed twice");
                    }
                }
            }
        }
    }
}
