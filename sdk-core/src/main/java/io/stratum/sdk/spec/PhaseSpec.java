package io.stratum.sdk.spec;

import java.util.List;
import java.util.Objects;

/**
 * A phase: the instances of one pod type, each a step, run by {@code strategy}.
 *
 * @param name     the phase's name
 * @param strategy how the steps proceed (default serial)
 * @param pod      the pod type this phase deploys
 * @param steps    custom steps; empty means one step per instance launching every task
 */
public record PhaseSpec(String name, Strategy strategy, String pod, List<StepSpec> steps) {
    public PhaseSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pod, "pod");
        strategy = strategy == null ? Strategy.SERIAL : strategy;
        steps = Copies.list(steps);
    }
}
