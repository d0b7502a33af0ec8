package io.stratum.benchmarks;

import com.netflix.fenzo.SchedulingResult;
import com.netflix.fenzo.TaskAssignmentResult;
import com.netflix.fenzo.TaskRequest;
import com.netflix.fenzo.TaskScheduler;
import com.netflix.fenzo.VMAssignmentResult;
import com.netflix.fenzo.VirtualMachineLease;
import com.netflix.fenzo.plugins.BinPackingFitnessCalculators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link LotsOfTasks} placed by Netflix Fenzo as its own test does: CPU bin packing, fitness good
 * enough only at 1.0 (a perfect fit), leases that never expire; after each batch, the used
 * hosts' leases come back with what is left of them and the scheduler is told of each assignment.
 */
final class FenzoLotsOfTasks extends BatchPlacer {
    private TaskScheduler scheduler;
    private final List<VirtualMachineLease> leases = new ArrayList<>();
    private final Map<String, FenzoLease> current = new HashMap<>();
    private List<List<TaskRequest>> batches;
    private int run;

    FenzoLotsOfTasks(LotsOfTasks workload) {
        super(workload);
        reset();
    }

    @Override
    void startOver() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
        scheduler = new TaskScheduler.Builder()
                .withFitnessCalculator(BinPackingFitnessCalculators.cpuBinPacker)
                .withFitnessGoodEnoughFunction(fitness -> fitness >= 1.0)
                .withLeaseOfferExpirySecs(1_000_000)
                .withLeaseRejectAction(lease -> { })
                .build();
        leases.clear();
        current.clear();
        for (int h = 0; h < workload.hosts(); h++) {
            FenzoLease lease = new FenzoLease("host" + h, workload.cores(), workload.cores() * 1000.0,
                    List.of(new VirtualMachineLease.Range(1, LotsOfTasks.PORTS_PER_HOST)));
            leases.add(lease);
            current.put(lease.hostname(), lease);
        }
        run++;
        batches = new ArrayList<>();
        for (int b = 0; b < workload.batches(); b++) {
            batches.add(workload.batch(b).stream().<TaskRequest>map(t -> new FenzoTask(t, run)).toList());
        }
    }

    @Override
    int place(int batch) {
        SchedulingResult result = scheduler.scheduleOnce(batches.get(batch), leases);
        leases.clear();
        int placed = 0;
        for (VMAssignmentResult host : result.getResultMap().values()) {
            double cpus = 0;
            double memory = 0;
            List<Integer> ports = new ArrayList<>();
            for (TaskAssignmentResult task : host.getTasksAssigned()) {
                scheduler.getTaskAssigner().call(task.getRequest(), host.getHostname());
                cpus += task.getRequest().getCPUs();
                memory += task.getRequest().getMemory();
                ports.addAll(task.getAssignedPorts());
                placed++;
            }
            placed(cpus);
            FenzoLease left = current.get(host.getHostname()).minus(cpus, memory, ports);
            current.put(host.getHostname(), left);
            if (left.cpuCores() > 0 && left.memoryMB() > 0) {
                leases.add(left);
            }
        }
        return placed;
    }

    @Override
    void close() {
        scheduler.shutdown();
    }
}
