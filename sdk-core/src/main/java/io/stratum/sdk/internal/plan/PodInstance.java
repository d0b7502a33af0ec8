package io.stratum.sdk.internal.plan;

import java.util.Objects;

/**
 * One instance of a pod type: {@code hello-0} is instance 0 of pod type {@code hello}. The unit a
 * step works on; no two plans work on the same pod instance at once.
 *
 * @param podType the pod type's name from the spec
 * @param index   the instance index, 0 or more
 */
public record PodInstance(String podType, int index) implements Comparable<PodInstance> {
    public PodInstance {
        Objects.requireNonNull(podType, "podType");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
    }

    /** @return {@code <podType>-<index>} */
    public String name() {
        return podType + "-" + index;
    }

    /** @return the task instance name {@code <podType>-<index>-<task>} */
    public String taskName(String task) {
        return name() + "-" + task;
    }

    @Override
    public int compareTo(PodInstance other) {
        int byType = podType.compareTo(other.podType);
        return byType != 0 ? byType : Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return name();
    }
}
