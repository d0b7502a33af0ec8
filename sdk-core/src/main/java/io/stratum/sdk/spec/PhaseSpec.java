package io.stratum.sdk.spec;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;
import java.util.Objects;

/**
 * A phase: the instances of one pod type, each a step, run by {@code strategy}.
 *
 * @param name     the phase's name
 * @param strategy how the steps proceed (default serial)
 * @param pod      the pod type this phase deploys
 * @param steps    custom steps; empty means one step per instance launching every task
 * @param reserveOnly whether the phase only reserves: each step places its pod instance (reserves
 *                 the resources of its tasks, makes its volumes, records its address and ports)
 *                 and launches nothing; the instance's tasks launch in place in a later phase,
 *                 knowing every instance placed (see {@link io.stratum.sdk.discovery})
 */
public record PhaseSpec(String name, Strategy strategy, String pod, List<StepSpec> steps,
        // absent in specs stored before it existed: false
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean reserveOnly) {
    public PhaseSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pod, "pod");
        strategy = strategy == null ? Strategy.SERIAL : strategy;
        steps = Copies.list(steps);
    }
}
