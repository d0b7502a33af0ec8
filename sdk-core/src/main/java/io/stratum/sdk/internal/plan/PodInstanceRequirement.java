package io.stratum.sdk.internal.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a step asks the scheduler to do: launch {@code tasks} of {@code podInstance}, placing it
 * anew or on its existing reservations depending on {@code recovery}.
 *
 * @param podInstance the pod instance
 * @param tasks       the task names to launch (at least one)
 * @param recovery    NONE, TRANSIENT or PERMANENT
 * @param environment extra environment for the tasks (plan parameters), never null
 */
public record PodInstanceRequirement(PodInstance podInstance, List<String> tasks, RecoveryType recovery,
        Map<String, String> environment) {
    public PodInstanceRequirement {
        Objects.requireNonNull(podInstance, "podInstance");
        Objects.requireNonNull(recovery, "recovery");
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a requirement needs at least one task");
        }
        environment = Map.copyOf(environment);
    }
}
