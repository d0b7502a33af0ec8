package io.stratum.benchmarks;

/** A scheduler placing {@link LotsOfTasks} batch by batch, as the benchmark drives it. */
interface BatchPlacer {

    /** Starts over on empty hosts. */
    void reset();

    /** @return whether every batch of the current run is placed */
    boolean done();

    /** Places the next batch; @return how many of its tasks were placed */
    int placeNextBatch();

    /** @return the fraction of all cpus the placed tasks use, 0 to 1 */
    double utilisation();

    /** Releases what the scheduler holds. */
    default void close() {
    }
}
