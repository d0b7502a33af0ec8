package io.stratum.sdk.backend.sim;

/**
 * How many operations the cluster applied, and refused, since it was built; see
 * {@link SimClusterView#operationsApplied()}.
 *
 * @param reserves        RESERVE operations applied
 * @param creates         CREATE (persistent volume) operations applied
 * @param launchGroups    LAUNCH_GROUP operations applied
 * @param tasksLaunched   tasks started by those launches
 * @param unreserves      UNRESERVE operations applied
 * @param destroys        DESTROY (persistent volume) operations applied
 * @param refused         operations refused (see {@link SimClusterView#errors()}), dropped ones of stale offers included
 */
public record OperationCounts(long reserves, long creates, long launchGroups, long tasksLaunched, long unreserves,
        long destroys, long refused) {

    /** @return the number of operations applied, of every kind */
    public long total() {
        return reserves + creates + launchGroups + unreserves + destroys;
    }
}
