package io.stratum.sdk.backend;

import io.stratum.sdk.resource.Resource;
import java.util.List;
import java.util.Objects;

/**
 * Launch a task group: the requested tasks of one pod instance, together, on the offer's agent.
 *
 * @param offerId            the offer
 * @param agentId            the agent the tasks run on
 * @param podInstance        the pod instance's name
 * @param tasks              the tasks, in the order requested
 * @param executorResources  the pod instance's executor overhead reservations (may be empty)
 */
public record LaunchOperation(String offerId, String agentId, String podInstance, List<TaskLaunch> tasks,
        List<Resource> executorResources) implements Operation {

    /** @throws IllegalArgumentException if there is no task */
    public LaunchOperation {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(podInstance, "podInstance");
        tasks = List.copyOf(tasks);
        executorResources = List.copyOf(executorResources);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a launch needs at least one task");
        }
    }
}
