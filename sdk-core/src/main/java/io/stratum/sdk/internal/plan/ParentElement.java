package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A phase or a plan: children run by an {@link ExecutionStrategy}, with a status derived from the
 * children, the strategy and the element's errors, computed again only after one of them changed.
 *
 * @param <C> the children's type: steps of a phase, phases of a plan
 */
abstract sealed class ParentElement<C extends PlanElement> extends PlanElement permits Phase, Plan {
    private final ExecutionStrategy strategy;
    private final List<C> children;
    private volatile Revision.Derived<Status> status;

    ParentElement(UUID id, String name, ExecutionStrategy strategy, List<C> children) {
        super(id, name);
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.children = List.copyOf(children);
        this.children.forEach(c -> revision().join(c.revision()));
        revision().join(strategy.revision());
    }

    public ExecutionStrategy strategy() {
        return strategy;
    }

    final List<C> children() {
        return children;
    }

    /** @return the errors to show; the element is in ERROR while there are any */
    List<String> errors() {
        return List.of();
    }

    @Override
    public Status status() {
        Revision.Derived<Status> derived = revision().refresh(status, () -> Statuses.aggregate(children, strategy, errors()));
        status = derived;
        return derived.value();
    }

    /** @return the child named {@code nameOrId} (its name or id), if any */
    final Optional<C> child(String nameOrId) {
        return children.stream().filter(c -> c.name().equals(nameOrId) || c.id().toString().equals(nameOrId)).findFirst();
    }
}
