package io.stratum.sdk.internal.check;

/**
 * Receives the results of a running check.
 *
 * <p>Called on the {@link CheckRunner}'s scheduler thread, one result at a time per check, never
 * after the check's {@link RunningCheck#close()} has returned. It must not block: hand slow work
 * (killing the task, writing state) to another thread. It may close the check it is told about.
 * An exception it throws is swallowed and the check goes on.
 */
@FunctionalInterface
public interface CheckListener {

    /** @param result the result of one check (every check is reported, passed or not) */
    void onResult(CheckResult result);
}
