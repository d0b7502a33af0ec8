package io.stratum.sdk.plan;

import io.stratum.sdk.spec.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A plan as the scheduler will build it: {@linkplain PhaseDefinition phases} of
 * {@linkplain StepDefinition steps}, run in the order its strategy gives. What a
 * {@link PlanCustomizer} receives and returns. Immutable; change one with the {@code with*} methods.
 *
 * <p>{@code deploy} runs at install and on config updates (or {@code update}, when there is one,
 * after the first deploy); any other plan is a custom plan that starts interrupted, for an operator
 * to start. Progress is kept by plan, phase and step name: a restarted scheduler resumes the steps
 * whose names it knows.
 *
 * @param name     the plan's name; not {@code recovery} or {@code decommission}, which the
 *                 scheduler keeps for itself
 * @param strategy how its phases proceed
 * @param phases   the phases, in order, with unique names; a phase may depend only on phases of
 *                 this plan
 */
public record PlanDefinition(String name, Strategy strategy, List<PhaseDefinition> phases) {

    /**
     * @throws IllegalArgumentException if the name is blank, two phases have the same name, or a
     *                                  phase depends on one the plan does not have
     */
    public PlanDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        phases = List.copyOf(phases);
        Names.requireUnique("plans", "plan", List.of(name));
        List<String> names = phases.stream().map(PhaseDefinition::name).toList();
        Names.requireUnique("plan " + name, "phase", names);
        for (PhaseDefinition phase : phases) {
            for (String prerequisite : phase.dependsOn()) {
                if (!names.contains(prerequisite)) {
                    throw new IllegalArgumentException("plan " + name + ": phase " + phase.name()
                            + " depends on phase " + prerequisite + ", which the plan does not have");
                }
            }
        }
    }

    /** @return the phase named {@code phaseName}, if any */
    public Optional<PhaseDefinition> phase(String phaseName) {
        return phases.stream().filter(p -> p.name().equals(phaseName)).findFirst();
    }

    /** @return this plan run by {@code newStrategy} */
    public PlanDefinition withStrategy(Strategy newStrategy) {
        return new PlanDefinition(name, newStrategy, phases);
    }

    /** @return this plan with {@code newPhases}, in that order: to reorder, drop or add phases */
    public PlanDefinition withPhases(List<PhaseDefinition> newPhases) {
        return new PlanDefinition(name, strategy, newPhases);
    }

    /**
     * @return this plan with phase {@code phaseName} replaced by {@code edit} of it
     * @throws IllegalArgumentException if the plan has no such phase
     */
    public PlanDefinition withPhase(String phaseName, UnaryOperator<PhaseDefinition> edit) {
        PhaseDefinition old = phase(phaseName).orElseThrow(() -> new IllegalArgumentException("plan " + name
                + " has no phase " + phaseName + " (it has " + phases.stream().map(PhaseDefinition::name).toList() + ")"));
        List<PhaseDefinition> edited = new ArrayList<>(phases);
        edited.set(phases.indexOf(old), edit.apply(old));
        return withPhases(edited);
    }

    /** @return this plan without phase {@code phaseName} (unchanged if it has none) */
    public PlanDefinition withoutPhase(String phaseName) {
        return withPhases(phases.stream().filter(p -> !p.name().equals(phaseName)).toList());
    }
}
