package io.stratum.benchmarks;

import com.netflix.fenzo.ConstraintEvaluator;
import com.netflix.fenzo.TaskRequest;
import com.netflix.fenzo.VMTaskFitnessCalculator;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A {@link LotsOfTasks.Task} as a Fenzo task request: cpus, memory, one port, no constraints. */
final class FenzoTask implements TaskRequest {
    private final String id;
    private final LotsOfTasks.Task task;
    private AssignedResources assigned;

    FenzoTask(LotsOfTasks.Task task, int run) {
        this.id = "task-" + run + "-" + task.id();
        this.task = task;
    }

    @Override public String getId() { return id; }
    @Override public String taskGroupName() { return "default"; }
    @Override public double getCPUs() { return task.cpus(); }
    @Override public double getMemory() { return task.memory(); }
    @Override public double getNetworkMbps() { return 0; }
    @Override public double getDisk() { return 0; }
    @Override public int getPorts() { return 1; }
    @Override public Map<String, Double> getScalarRequests() { return Collections.emptyMap(); }
    @Override public Map<String, NamedResourceSetRequest> getCustomNamedResources() { return Collections.emptyMap(); }
    @Override public List<? extends ConstraintEvaluator> getHardConstraints() { return null; }
    @Override public List<? extends VMTaskFitnessCalculator> getSoftConstraints() { return null; }
    @Override public void setAssignedResources(AssignedResources assigned) { this.assigned = assigned; }
    @Override public AssignedResources getAssignedResources() { return assigned; }
}
