package io.stratum.sdk.backend;

/** The last result of a task's health or readiness check. */
public enum CheckState {
    /** No result yet, or the task has no such check. */
    UNKNOWN,
    /** The check last passed. */
    PASSED,
    /** The check last failed. */
    FAILED
}
