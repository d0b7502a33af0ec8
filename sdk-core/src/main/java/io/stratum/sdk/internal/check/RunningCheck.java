package io.stratum.sdk.internal.check;

/**
 * One check of one task, running until it reaches its final verdict or is closed. Thread-safe.
 */
public interface RunningCheck extends AutoCloseable {

    /** @return health or readiness */
    CheckKind kind();

    /** @return whether the check has stopped: closed, or its final result delivered */
    boolean isDone();

    /**
     * Stops the check: no result is delivered after this returns, and a command check in flight
     * is killed (its whole process group). Idempotent; call it when the task ends.
     */
    @Override
    void close();
}
