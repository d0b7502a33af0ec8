package io.stratum.benchmarks;

import io.stratum.sdk.placement.PlacementSpec;
import io.stratum.sdk.placement.PlacementSyntaxException;
import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.PortSpec;
import io.stratum.sdk.spec.TaskSpec;
import java.util.List;
import java.util.Map;

/** Pod specs for the benchmarks: one task with cpus, memory and one dynamic port. */
final class Pods {
    private Pods() {
    }

    /**
     * @param name       the pod type
     * @param cpus       the task's cpus
     * @param memory     the task's memory in MB
     * @param constraints placement constraints in any Marathon syntax, or empty
     */
    static PodSpec oneTask(String name, double cpus, double memory, String constraints) {
        TaskSpec task = new TaskSpec("task", Goal.RUNNING, true, "sleep 1000", Map.of(), Map.of(), Map.of(), cpus, 0.0,
                memory, Map.of("port", new PortSpec("port", 0, null, false, null, List.of())), null, null, Map.of(),
                null, null, 0, null);
        try {
            return new PodSpec(name, 10_000, PlacementSpec.parse(constraints), List.of(), null, Map.of(), List.of(),
                    Map.of(), Map.of(), null, false, false, List.of(), Map.of(), false, null, Map.of("task", task));
        } catch (PlacementSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
