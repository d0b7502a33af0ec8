package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;
import java.util.Objects;

/**
 * A task that is placed (launched, or reserved for): the input counting rules count. Stratum's
 * own value, built from the state store, not any cluster manager's task record.
 *
 * @param podType  the pod type's name, e.g. {@code node}
 * @param instance the pod instance's index, 0 or more
 * @param taskName the task's name within the pod, e.g. {@code server}
 * @param agent    the agent it is placed on, with hostname, zone, region and attributes
 */
public record PlacedTask(String podType, int instance, String taskName, Agent agent) {

    /** @throws IllegalArgumentException if {@code instance} is negative */
    public PlacedTask {
        Objects.requireNonNull(podType, "podType");
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(agent, "agent");
        if (instance < 0) {
            throw new IllegalArgumentException("instance must be >= 0, got " + instance);
        }
    }

    /** @return the pod instance's name, {@code <podType>-<instance>} */
    public String podInstanceName() {
        return podType + "-" + instance;
    }
}
