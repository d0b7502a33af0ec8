package io.stratum.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The workload of Fenzo's {@code TestLotsOfTasks}: hosts of {@code cores} cpus, 1,000 MB of memory
 * per cpu and ports 1 to 10, and exactly enough tasks to fill them — 20% of the cores in one-cpu
 * tasks, 40% in half-host tasks, 40% in three-quarter-host tasks (memory 1,000 MB per cpu, one port
 * each) — in a random order, placed in batches. The order is seeded so every run, and both
 * schedulers, see the same tasks.
 *
 * @param hosts     how many hosts
 * @param cores     cpus per host
 * @param tasks     the tasks, in placement order
 * @param batchSize tasks per batch
 */
record LotsOfTasks(int hosts, int cores, List<Task> tasks, int batchSize) {

    /** One task. @param id its index in the workload @param cpus its cpus, memory is 1,000 MB per cpu */
    record Task(int id, double cpus) {
        double memory() {
            return cpus * 1000;
        }
    }

    static final int PORTS_PER_HOST = 10;

    static LotsOfTasks of(int hosts, int cores, int batchSize, long seed) {
        List<Task> tasks = new ArrayList<>();
        double total = (double) hosts * cores;
        double requested = 0;
        for (int t = 0; t < total * 0.2; t++, requested++) {
            tasks.add(new Task(tasks.size(), 1));
        }
        for (int t = 0; t < total * 0.4 / (cores / 2.0); t++, requested += cores / 2.0) {
            tasks.add(new Task(tasks.size(), cores / 2.0));
        }
        for (int t = 0; t < total * 0.4 / (cores * 0.75); t++, requested += cores * 0.75) {
            tasks.add(new Task(tasks.size(), cores * 0.75));
        }
        for (int t = 0; t < total - requested; t++) {
            tasks.add(new Task(tasks.size(), 1));
        }
        Collections.shuffle(tasks, new Random(seed));
        return new LotsOfTasks(hosts, cores, List.copyOf(tasks), batchSize);
    }

    /** @return how many batches the tasks make */
    int batches() {
        return (tasks.size() + batchSize - 1) / batchSize;
    }

    /** @return batch {@code n}, 0-based */
    List<Task> batch(int n) {
        return tasks.subList(n * batchSize, Math.min(tasks.size(), (n + 1) * batchSize));
    }

    /** @return the cpus of every host together */
    double totalCpus() {
        return (double) hosts * cores;
    }
}
