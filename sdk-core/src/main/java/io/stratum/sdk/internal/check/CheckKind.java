package io.stratum.sdk.internal.check;

/** What a check decides: whether a task is healthy, or whether it is ready. */
public enum CheckKind {
    /**
     * Whether the task works: {@code max-consecutive-failures} failures in a row after the grace
     * period make it unhealthy, and the backend kills it.
     */
    HEALTH,
    /** Whether the task is ready: its first pass lets its step complete. */
    READINESS
}
