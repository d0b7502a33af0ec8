package io.stratum.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fenzo's large-cluster workload ({@code TestLotsOfTasks}: 2,000 hosts of 16 cores, tasks of 1,
 * 8 and 12 cores in batches of 200, CPU bin packing) placed by Stratum ({@link #stratum}) and by
 * Netflix Fenzo ({@link #fenzo}) on the same hosts and tasks. One operation is one batch, so the
 * score is batches per second. When every batch of a run is placed, the cluster starts empty again
 * (outside the measurement); each state prints the cpu utilisation its runs reached when the trial
 * ends, a value between 0 and 100% that the two must be compared on too.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PlacementVsFenzo {

    /** Shape of the workload; the defaults are Fenzo's large test. */
    @State(Scope.Benchmark)
    public static class Workload {
        @Param("2000")
        public int hosts;
        @Param("16")
        public int cores;
        @Param("200")
        public int batchSize;

        LotsOfTasks tasks;

        @Setup(Level.Trial)
        public void create() {
            tasks = LotsOfTasks.of(hosts, cores, batchSize, 42);
        }
    }

    /** Stratum's placement round over the workload's hosts. */
    @State(Scope.Thread)
    public static class Stratum extends PlacerState {
        public Stratum() {
            super("stratum");
        }

        @Override
        BatchPlacer create(LotsOfTasks workload) {
            return new StratumLotsOfTasks(workload);
        }
    }

    /** Fenzo's task scheduler over the same hosts. */
    @State(Scope.Thread)
    public static class Fenzo extends PlacerState {
        public Fenzo() {
            super("fenzo");
        }

        @Override
        BatchPlacer create(LotsOfTasks workload) {
            return new FenzoLotsOfTasks(workload);
        }
    }

    /** @return how many tasks of the batch Stratum placed */
    @Benchmark
    public int stratum(Stratum state) {
        return state.placer.placeNextBatch();
    }

    /** @return how many tasks of the batch Fenzo placed */
    @Benchmark
    public int fenzo(Fenzo state) {
        return state.placer.placeNextBatch();
    }
}
