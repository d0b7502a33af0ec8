package io.stratum.sdk.internal.state;

import io.stratum.sdk.backend.TaskStatus;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scheduler remembers about one task: the launch it made (which agent, which reserved
 * resources and volumes, under which configuration) and the last status it heard. Keyed by the
 * task's stable {@link #name()}; each launch has a new {@link #taskId()}.
 *
 * <p>Independent of any backend's wire format: reservations and volumes are opaque ids that the
 * offer evaluator and the backend understand. {@link #labels()} holds other small facts worth
 * keeping with the task (addresses, ports), as strings.
 *
 * @param taskId      unique id of this launch
 * @param name        stable name, usually {@code <pod>-<index>-<task>}
 * @param podType     the pod type from the spec
 * @param podIndex    the pod instance's index, 0 or more
 * @param agentId     the agent the task was launched on
 * @param configId    the id, in the {@link ConfigStore}, of the configuration it was launched with
 * @param resourceIds the reservations it uses, opaque (never null)
 * @param volumeIds   the persistent volumes it uses, opaque (never null)
 * @param labels      further facts, by key (never null)
 * @param status      the last status heard, or null if none yet
 */
public record TaskRecord(String taskId, String name, String podType, int podIndex, String agentId, String configId,
                         List<String> resourceIds, List<String> volumeIds, Map<String, String> labels,
                         TaskStatus status) {

    public TaskRecord {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(podType, "podType");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(configId, "configId");
        if (podIndex < 0) {
            throw new IllegalArgumentException("podIndex must be 0 or more, got " + podIndex);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a task name must not be empty");
        }
        resourceIds = resourceIds == null ? List.of() : List.copyOf(resourceIds);
        volumeIds = volumeIds == null ? List.of() : List.copyOf(volumeIds);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (status != null && !status.taskId().equals(taskId)) {
            throw new IllegalArgumentException("status of task id " + status.taskId() + " on a record of " + taskId);
        }
    }

    /** @return {@code <podType>-<podIndex>}, the pod instance the task belongs to */
    public String podInstanceName() {
        return podType + "-" + podIndex;
    }

    /** @return the task's name within its pod: {@link #name()} without {@code <podType>-<podIndex>-}; empty if it lacks that */
    public String taskName() {
        String prefix = podInstanceName() + "-";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : "";
    }

    /** @return the last status heard, if any */
    public Optional<TaskStatus> lastStatus() {
        return Optional.ofNullable(status);
    }

    /** @return this record with {@code newLabels} instead of its labels */
    public TaskRecord withLabels(Map<String, String> newLabels) {
        return new TaskRecord(taskId, name, podType, podIndex, agentId, configId, resourceIds, volumeIds, newLabels,
                status);
    }

    /** @return this record with {@code newStatus}, which must be about the same launch */
    public TaskRecord withStatus(TaskStatus newStatus) {
        return new TaskRecord(taskId, name, podType, podIndex, agentId, configId, resourceIds, volumeIds, labels,
                newStatus);
    }
}
