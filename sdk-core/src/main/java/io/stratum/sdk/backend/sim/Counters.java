package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.Operation;

/** Running totals behind {@link OperationCounts}. Mutable; guarded by the cluster's lock. */
final class Counters {
    long reserves;
    long creates;
    long launchGroups;
    long tasksLaunched;
    long unreserves;
    long destroys;
    long refused;

    /** Counts an operation applied. */
    void applied(Operation operation) {
        if (operation instanceof Operation.Reserve) {
            reserves++;
        } else if (operation instanceof Operation.CreateVolume) {
            creates++;
        } else if (operation instanceof Operation.Launch launch) {
            launchGroups++;
            tasksLaunched += launch.tasks().size();
        } else if (operation instanceof Operation.Unreserve) {
            unreserves++;
        } else if (operation instanceof Operation.DestroyVolume) {
            destroys++;
        }
    }

    OperationCounts snapshot() {
        return new OperationCounts(reserves, creates, launchGroups, tasksLaunched, unreserves, destroys, refused);
    }
}
