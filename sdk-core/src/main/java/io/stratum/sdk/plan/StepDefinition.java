package io.stratum.sdk.plan;

import io.stratum.sdk.spec.PodSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One step of a {@link PhaseDefinition}: launch some tasks of one pod instance together and wait
 * until each reaches its goal. Immutable.
 *
 * <p>Whether the pod, the instance and the tasks exist is checked against the target config when
 * the scheduler builds the plan: a step naming an unknown pod, an instance beyond the pod's
 * {@code count} or a task the pod does not have is refused with an error naming the step.
 *
 * @param podType the pod type's name, as in the spec
 * @param index   the instance index, 0 to the pod's count - 1
 * @param tasks   the names of the tasks launched together, in order; at least one, no repeats
 */
public record StepDefinition(String podType, int index, List<String> tasks) {

    /**
     * @throws IllegalArgumentException if the index is negative, or the tasks are empty, blank or repeated
     * @throws NullPointerException     if the pod or a task name is null
     */
    public StepDefinition {
        Objects.requireNonNull(podType, "podType");
        tasks = List.copyOf(tasks);
        if (index < 0) {
            throw new IllegalArgumentException("step of pod " + podType + ": index must be >= 0, got " + index);
        }
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("step " + podType + "-" + index + ": needs at least one task");
        }
        if (new HashSet<>(tasks).size() != tasks.size() || tasks.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("step " + podType + "-" + index + ": blank or repeated task in " + tasks);
        }
    }

    /** @return a step launching {@code tasks} of instance {@code index} of {@code podType} */
    public static StepDefinition of(String podType, int index, String... tasks) {
        return new StepDefinition(podType, index, List.of(tasks));
    }

    /**
     * @return one step per instance of {@code pod}, each launching all its tasks but those run
     *     before decommission ({@link PodSpec#deployedTasks()}), as a generated deploy does
     */
    public static List<StepDefinition> eachInstance(PodSpec pod) {
        List<StepDefinition> steps = new ArrayList<>(pod.count());
        for (int index = 0; index < pod.count(); index++) {
            steps.add(new StepDefinition(pod.name(), index, pod.deployedTasks()));
        }
        return steps;
    }

    /** @return the step's name, {@code <pod>-<index>:[task, ...]}, under which its progress is kept */
    public String name() {
        return podType + "-" + index + ":" + tasks;
    }
}
