package io.stratum.sdk.backend.sim;

/** Running totals behind {@link OperationCounts}. Mutable; guarded by the cluster's lock. */
final class Counters {
    long reserves;
    long creates;
    long launchGroups;
    long tasksLaunched;
    long unreserves;
    long destroys;
    long refused;

    OperationCounts snapshot() {
        return new OperationCounts(reserves, creates, launchGroups, tasksLaunched, unreserves, destroys, refused);
    }
}
