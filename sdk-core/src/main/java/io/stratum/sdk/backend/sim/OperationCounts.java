package io.stratum.sdk.backend.sim;

/**
 * How many operations the cluster applied, and refused, since it was built (what the sim
 * backend's own tests count).
 *
 * @param reserves        RESERVE operations applied
 * @param creates         CREATE (persistent volume) operations applied
 * @param launchGroups    LAUNCH_GROUP operations applied
 * @param tasksLaunched   tasks started by those launches
 * @param unreserves      UNRESERVE operations applied
 * @param destroys        DESTROY (persistent volume) operations applied
 * @param refused         operations refused (see {@link SimCluster#errors()}), dropped ones of stale offers included
 */
record OperationCounts(long reserves, long creates, long launchGroups, long tasksLaunched, long unreserves,
        long destroys, long refused) {}
