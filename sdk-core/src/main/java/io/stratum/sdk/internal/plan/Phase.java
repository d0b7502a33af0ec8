package io.stratum.sdk.internal.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A phase: steps run by an {@link ExecutionStrategy}. Usually the instances of one pod type.
 * Thread-safe (its steps and strategy are).
 */
public final class Phase extends ParentElement<Step> {

    public Phase(UUID id, String name, ExecutionStrategy strategy, List<Step> steps) {
        super(id, name, strategy, steps);
    }

    public List<Step> steps() {
        return children();
    }

    /** @return the step named {@code nameOrId} (its name or id), if any */
    public Optional<Step> step(String nameOrId) {
        return child(nameOrId);
    }

    /** @return eligible steps the strategy allows now, skipping pod instances in {@code dirty} */
    List<Step> candidates(Set<PodInstance> dirty, Instant now) {
        return strategy().candidates(steps()).stream()
                .filter(s -> s.isEligible(now) && !dirty.contains(s.podInstance()))
                .toList();
    }
}
