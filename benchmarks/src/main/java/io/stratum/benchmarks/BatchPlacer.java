package io.stratum.benchmarks;

/**
 * A scheduler placing {@link LotsOfTasks} batch by batch, as the benchmark drives it, with the
 * bookkeeping of a run: which batch is next and how many cpus the placed tasks use.
 */
abstract class BatchPlacer {
    final LotsOfTasks workload;
    private int next;
    private double placedCpus;

    BatchPlacer(LotsOfTasks workload) {
        this.workload = workload;
    }

    /** Empties the cluster for a new run. */
    abstract void startOver();

    /** Places batch {@code batch} of the workload, calling {@link #placed} per task placed; @return how many were */
    abstract int place(int batch);

    /** Starts over on empty hosts. */
    final void reset() {
        next = 0;
        placedCpus = 0;
        startOver();
    }

    /** @return whether every batch of the current run is placed */
    final boolean done() {
        return next == workload.batches();
    }

    /** Places the next batch; @return how many of its tasks were placed */
    final int placeNextBatch() {
        return place(next++);
    }

    final void placed(double cpus) {
        placedCpus += cpus;
    }

    /** @return the fraction of all cpus the placed tasks use, 0 to 1 */
    final double utilisation() {
        return placedCpus / workload.totalCpus();
    }

    /** Releases what the scheduler holds. */
    void close() {
    }
}
