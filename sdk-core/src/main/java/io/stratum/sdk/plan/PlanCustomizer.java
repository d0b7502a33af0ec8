package io.stratum.sdk.plan;

import io.stratum.sdk.spec.ServiceSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A framework's changes to the plans the scheduler builds from a service's target config:
 * reorder or drop phases, change a strategy, make a phase wait for an operator, add phases or
 * whole plans of specific steps.
 *
 * <p>The scheduler turns the target config into {@linkplain PlanDefinition plan definitions} (the
 * spec's plans, and a generated {@code deploy} plan when the spec declares none: one serial phase per
 * pod type, one step per instance), hands them to the customizer and builds the plans it returns.
 * It does so at start, for every proposed config update, and after every accepted one.
 *
 * <pre>{@code
 * PlanCustomizer canaryNodes = PlanCustomizer.forPlan("deploy",
 *         deploy -> deploy.withPhase("nodes", nodes -> nodes.withStrategy(Strategy.CANARY)));
 * }</pre>
 *
 * <p>A customizer must be a function of its arguments alone (the same plans for the same target:
 * a restarted scheduler resumes progress by plan, phase and step name), must be thread-safe, and is
 * called on the scheduler's thread, so it should be quick. It must keep a {@code deploy} plan.
 *
 * <p>Failure: when it throws, or returns a plan naming a pod, an instance or a task the target does
 * not have, nothing of it is used. A proposed config update is refused with those errors (the old
 * target stays, as for any refused update); at start, the scheduler does not start, and the error
 * says what is wrong, e.g. {@code plans.deploy.phases.nodes: step node-3:[server]: pod node has 3
 * instances (0 to 2)}.
 */
@FunctionalInterface
public interface PlanCustomizer {

    /**
     * @param plans  the plans built from {@code target}, by name, {@code deploy} first; unmodifiable
     * @param target the target config the plans are for
     * @return the plans to run, by name (each under its own name), {@code deploy} among them
     */
    Map<String, PlanDefinition> customize(Map<String, PlanDefinition> plans, ServiceSpec target);

    /** @return a customizer that changes nothing */
    static PlanCustomizer none() {
        return (plans, target) -> plans;
    }

    /**
     * @param plan the plan's name
     * @param edit what to do with it
     * @return a customizer that replaces plan {@code plan} by {@code edit} of it; a target without
     *     that plan is refused
     */
    static PlanCustomizer forPlan(String plan, UnaryOperator<PlanDefinition> edit) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(edit, "edit");
        return (plans, target) -> {
            PlanDefinition old = plans.get(plan);
            if (old == null) {
                throw new IllegalArgumentException("no plan " + plan + " to customize (there are " + plans.keySet() + ")");
            }
            Map<String, PlanDefinition> out = new LinkedHashMap<>(plans);
            out.put(plan, edit.apply(old));
            return out;
        };
    }

    /** @return a customizer applying this one, then {@code next} to its result */
    default PlanCustomizer andThen(PlanCustomizer next) {
        Objects.requireNonNull(next, "next");
        return (plans, target) -> next.customize(Collections.unmodifiableMap(
                new LinkedHashMap<>(customize(plans, target))), target);
    }
}
