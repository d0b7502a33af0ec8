package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.CreateVolumeOperation;
import io.stratum.sdk.backend.DestroyVolumeOperation;
import io.stratum.sdk.backend.LaunchOperation;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.ReserveOperation;
import io.stratum.sdk.backend.UnreserveOperation;

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
        if (operation instanceof ReserveOperation) {
            reserves++;
        } else if (operation instanceof CreateVolumeOperation) {
            creates++;
        } else if (operation instanceof LaunchOperation launch) {
            launchGroups++;
            tasksLaunched += launch.tasks().size();
        } else if (operation instanceof UnreserveOperation) {
            unreserves++;
        } else if (operation instanceof DestroyVolumeOperation) {
            destroys++;
        }
    }

    OperationCounts snapshot() {
        return new OperationCounts(reserves, creates, launchGroups, tasksLaunched, unreserves, destroys, refused);
    }
}
