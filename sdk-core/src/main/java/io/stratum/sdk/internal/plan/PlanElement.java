package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;

import java.util.UUID;

/**
 * What steps, phases and plans have in common: a stable id and name, and a status. Ids are derived
 * from names, so they survive scheduler restarts.
 */
public interface PlanElement {
    /** @return a stable id, the same across restarts for the same plan, phase and step names */
    UUID id();

    /** @return the element's name */
    String name();

    /** @return the current status; thread-safe */
    Status status();

    /** @return whether this element has finished */
    default boolean isComplete() {
        return status() == Status.COMPLETE;
    }
}
