package io.stratum.benchmarks;

/** The cpu utilisation each complete run of a workload reached, printed when a trial ends. */
final class Utilisation {
    private final String scheduler;
    private int runs;
    private double sum;
    private double min = 1;
    private double max;

    Utilisation(String scheduler) {
        this.scheduler = scheduler;
    }

    void record(double utilisation) {
        runs++;
        sum += utilisation;
        min = Math.min(min, utilisation);
        max = Math.max(max, utilisation);
    }

    void print() {
        if (runs == 0) {
            System.out.printf("%n%s utilisation: no complete run%n", scheduler);
        } else {
            System.out.printf("%n%s utilisation: %.2f%% average of %d complete runs (min %.2f%%, max %.2f%%)%n",
                    scheduler, 100 * sum / runs, runs, 100 * min, 100 * max);
        }
    }
}
