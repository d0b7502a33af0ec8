package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A phase: steps run by an {@link ExecutionStrategy}. Usually the instances of one pod type.
 * Thread-safe (its steps and strategy are).
 */
public final class Phase implements PlanElement {
    private final UUID id;
    private final String name;
    private final ExecutionStrategy strategy;
    private final List<Step> steps;
    private final Revision revision = new Revision();
    private volatile Revision.Derived<Status> status;

    public Phase(UUID id, String name, ExecutionStrategy strategy, List<Step> steps) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.steps = List.copyOf(steps);
        this.steps.forEach(s -> revision.join(s.revision()));
        revision.join(strategy.revision());
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    public ExecutionStrategy strategy() {
        return strategy;
    }

    public List<Step> steps() {
        return steps;
    }

    @Override
    public Status status() {
        Revision.Derived<Status> derived = revision.refresh(status, () -> Statuses.aggregate(steps, strategy, List.of()));
        status = derived;
        return derived.value();
    }

    /** @return the change counter of this phase, its steps and strategy; joined into its plan's */
    Revision revision() {
        return revision;
    }

    /** @return the step named {@code nameOrId} (its name or id), if any */
    public Optional<Step> step(String nameOrId) {
        return steps.stream().filter(s -> s.name().equals(nameOrId) || s.id().toString().equals(nameOrId)).findFirst();
    }

    /** @return eligible steps the strategy allows now, skipping pod instances in {@code dirty} */
    List<Step> candidates(Set<PodInstance> dirty, Instant now) {
        return strategy.candidates(steps).stream()
                .filter(s -> s.isEligible(now) && !dirty.contains(s.podInstance()))
                .toList();
    }

    @Override
    public String toString() {
        return name + " " + status();
    }
}
