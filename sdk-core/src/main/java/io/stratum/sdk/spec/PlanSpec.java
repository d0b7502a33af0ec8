package io.stratum.sdk.spec;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import java.util.Objects;

/**
 * A declared plan: phases run by {@code strategy}. {@code deploy} is run at install and on config
 * updates (unless an {@code update} plan is declared), {@code update} on config updates after the
 * first deploy; any other name is a custom plan started by hand.
 *
 * @param name     the plan's name
 * @param strategy how the phases proceed (default serial)
 * @param phases   the phases by name, in file order
 */
public record PlanSpec(String name, Strategy strategy,
        @NotEmpty(message = "a plan needs at least one phase") Map<String, @Valid PhaseSpec> phases) {
    public PlanSpec {
        Objects.requireNonNull(name, "name");
        strategy = strategy == null ? Strategy.SERIAL : strategy;
        phases = Copies.map(phases);
    }
}
