package io.stratum.sdk.plan;

import io.stratum.sdk.spec.Strategy;
import java.util.List;
import java.util.Objects;

/**
 * One phase of a {@link PlanDefinition}: steps run in the order its strategy gives. Steps may be of
 * any pods and instances. Immutable; change one with the {@code with*} methods.
 *
 * <p>A phase waits for an operator's {@code continue} when its strategy is a canary one (before each
 * of its first two steps) or when it is {@linkplain #interrupted() interrupted} (before it starts).
 *
 * @param name        the phase's name, unique in its plan
 * @param strategy    how its steps proceed
 * @param steps       the steps, in order; no two with the same {@linkplain StepDefinition#name() name}
 * @param dependsOn   names of phases of the same plan that must complete first, when the plan's
 *                    strategy is {@link Strategy#DEPENDENCY}; ignored under other strategies
 * @param interrupted whether the phase starts interrupted: nothing in it starts until an
 *                    operator's {@code continue} (a restarted scheduler keeps what the operator did)
 * @param reserveOnly whether its steps only reserve: each places its pod instance (reserves its
 *                    tasks' resources, makes their volumes, records the instance's address and
 *                    ports) and is complete once that is sent, launching nothing; an instance
 *                    placed already has nothing to do. Its tasks launch in place in a later phase,
 *                    when every instance such a phase placed is known (see {@link io.stratum.sdk.discovery})
 */
public record PhaseDefinition(String name, Strategy strategy, List<StepDefinition> steps, List<String> dependsOn,
        boolean interrupted, boolean reserveOnly) {

    /**
     * @throws IllegalArgumentException if the name is blank, two steps have the same name, or the
     *                                  phase depends on itself
     */
    public PhaseDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        steps = List.copyOf(steps);
        dependsOn = List.copyOf(dependsOn);
        Names.requireUnique("plan", "phase", List.of(name));
        Names.requireUnique("phase " + name, "step", steps.stream().map(StepDefinition::name).toList());
        if (dependsOn.contains(name)) {
            throw new IllegalArgumentException("phase " + name + " depends on itself");
        }
    }

    /** @return a phase of {@code steps}, not interrupted, depending on nothing */
    public static PhaseDefinition of(String name, Strategy strategy, List<StepDefinition> steps) {
        return new PhaseDefinition(name, strategy, steps, List.of(), false, false);
    }

    /** @return this phase run by {@code newStrategy} (say {@link Strategy#CANARY}, to wait for an operator) */
    public PhaseDefinition withStrategy(Strategy newStrategy) {
        return new PhaseDefinition(name, newStrategy, steps, dependsOn, interrupted, reserveOnly);
    }

    /** @return this phase with {@code newSteps} instead of its steps */
    public PhaseDefinition withSteps(List<StepDefinition> newSteps) {
        return new PhaseDefinition(name, strategy, newSteps, dependsOn, interrupted, reserveOnly);
    }

    /** @return this phase depending on {@code phases} (under a plan strategy of {@link Strategy#DEPENDENCY}) */
    public PhaseDefinition withDependsOn(String... phases) {
        return new PhaseDefinition(name, strategy, steps, List.of(phases), interrupted, reserveOnly);
    }

    /** @return this phase starting interrupted (or not): it waits for an operator's {@code continue} */
    public PhaseDefinition withInterrupted(boolean newInterrupted) {
        return new PhaseDefinition(name, strategy, steps, dependsOn, newInterrupted, reserveOnly);
    }

    /**
     * @return this phase only reserving (or not): its steps place their pod instances and launch
     *     nothing, so that a later phase launches each knowing where all of them are
     */
    public PhaseDefinition withReserveOnly(boolean newReserveOnly) {
        return new PhaseDefinition(name, strategy, steps, dependsOn, interrupted, newReserveOnly);
    }
}
