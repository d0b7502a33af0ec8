package io.stratum.sdk.plan;

/**
 * The status of a step, phase or plan.
 *
 * <p>Steps move PENDING → PREPARED (operations for its pod instance were sent) → STARTING (tasks
 * launched) → STARTED (running, not yet ready) → COMPLETE, or to DELAYED (backing off after a
 * failure) or ERROR. Phases and plans aggregate their children and also show WAITING (interrupted,
 * or a canary waiting for {@code continue}) and IN_PROGRESS (some children done or running).
 */
public enum Status {
    ERROR,
    WAITING,
    PENDING,
    PREPARED,
    STARTING,
    STARTED,
    IN_PROGRESS,
    DELAYED,
    COMPLETE;

    /** @return whether work has been sent for this element and it has not finished */
    public boolean isRunning() {
        return this == PREPARED || this == STARTING || this == STARTED || this == IN_PROGRESS;
    }

    /** @return whether this element could be given work now (if its strategy allows) */
    public boolean isPending() {
        return this == PENDING || this == WAITING;
    }
}
