package io.stratum.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The benchmark state of one scheduler: it starts the cluster over (outside the measurement)
 * whenever a run has placed every batch, and prints the utilisation its runs reached when the
 * trial ends.
 */
public abstract class PlacerState {
    private final String name;
    BatchPlacer placer;
    private int runs;
    private double utilisationSum;

    PlacerState(String name) {
        this.name = name;
    }

    abstract BatchPlacer create(LotsOfTasks workload);

    @Setup(Level.Trial)
    public void create(PlacementVsFenzo.Workload workload) {
        placer = create(workload.tasks);
    }

    @Setup(Level.Invocation)
    public void startOverWhenFull() {
        if (placer.done()) {
            runs++;
            utilisationSum += placer.utilisation();
            placer.reset();
        }
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf(runs == 0 ? "%n%s utilisation: no complete run%n"
                : "%n%s utilisation: %.2f%% of all cpus, average of %d complete runs%n",
                name, runs == 0 ? 0 : 100 * utilisationSum / runs, runs);
        placer.close();
    }
}
