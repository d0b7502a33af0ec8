package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;

import java.util.Objects;
import java.util.UUID;

/**
 * What steps, phases and plans have in common: a stable id and name, a status, and the change
 * counter ({@link Revision}) that what is derived from them is cached by. Ids are derived from
 * names, so they survive scheduler restarts.
 */
public abstract sealed class PlanElement permits Step, ParentElement {
    private final UUID id;
    private final String name;
    private final Revision revision = new Revision();

    PlanElement(UUID id, String name) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** @return a stable id, the same across restarts for the same plan, phase and step names */
    public final UUID id() {
        return id;
    }

    /** @return the element's name */
    public final String name() {
        return name;
    }

    /** @return the current status; thread-safe */
    public abstract Status status();

    /** @return whether this element has finished */
    public final boolean isComplete() {
        return status() == Status.COMPLETE;
    }

    /** @return the change counter of this element; a parent joins its children's and strategy's into its own */
    final Revision revision() {
        return revision;
    }

    @Override
    public String toString() {
        return name + " " + status();
    }
}
