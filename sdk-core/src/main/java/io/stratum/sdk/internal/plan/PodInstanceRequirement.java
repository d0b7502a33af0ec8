package io.stratum.sdk.internal.plan;

import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.TaskSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A step's pod instance, resolved against the config its plan was built from: the pod's spec, the
 * instance's index, the tasks launched together, why (deploy, relaunch in place, replacement) and
 * the extra environment of this launch. Everything the scheduler needs to place and launch it, so
 * nothing downstream looks the pod up by name again.
 *
 * @param podSpec     the pod type's spec
 * @param index       the instance index, 0 or more
 * @param tasks       the task names to launch (at least one, each a task of {@code podSpec})
 * @param recovery    NONE, TRANSIENT or PERMANENT
 * @param environment extra environment for the tasks (a plan's parameters); empty on a step itself,
 *                    filled in by {@link Step#requirement}
 */
public record PodInstanceRequirement(PodSpec podSpec, int index, List<String> tasks, RecoveryType recovery,
        Map<String, String> environment) {

    /** @throws IllegalArgumentException if the index is negative, or a task is missing or not of the pod */
    public PodInstanceRequirement {
        Objects.requireNonNull(recovery, "recovery");
        new PodInstance(podSpec.name(), index); // checks the index
        tasks = List.copyOf(tasks);
        environment = Map.copyOf(environment);
        if (tasks.isEmpty() || !podSpec.tasks().keySet().containsAll(tasks)) {
            throw new IllegalArgumentException("pod " + podSpec.name() + " has tasks " + podSpec.tasks().keySet()
                    + ", not " + tasks);
        }
    }

    /** @return a requirement to launch {@code tasks} of instance {@code index} of {@code pod}, without extra environment */
    public static PodInstanceRequirement of(PodSpec pod, int index, List<String> tasks, RecoveryType recovery) {
        return new PodInstanceRequirement(pod, index, tasks, recovery, Map.of());
    }

    /** @return the pod instance, {@code <pod>-<index>} */
    public PodInstance podInstance() {
        return new PodInstance(podSpec.name(), index);
    }

    /** @return the spec of task {@code name} of the pod, or null if it has none */
    public TaskSpec task(String name) {
        return podSpec.task(name);
    }

    /** @return this requirement with {@code newEnvironment} as its extra environment */
    public PodInstanceRequirement withEnvironment(Map<String, String> newEnvironment) {
        return new PodInstanceRequirement(podSpec, index, tasks, recovery, newEnvironment);
    }
}
