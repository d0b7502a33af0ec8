package io.stratum.sdk.internal.offer;

import io.stratum.sdk.spec.PodSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pod instance to place: which pod type and instance, which of its tasks to launch, and
 * whether it is new, relaunched in place, or replaced elsewhere.
 *
 * <ul>
 *   <li>{@link Kind#NEW}: reserve fresh resources on the best agent the placement rules allow,
 *       create volumes, launch.</li>
 *   <li>{@link Kind#IN_PLACE}: a relaunch after a transient failure, or a config update: only on
 *       the footprint's agent, with exactly its reservations and volumes; a changed resource is
 *       grown or shrunk by the difference; placement rules are not re-checked.</li>
 *   <li>{@link Kind#REPLACE}: a permanent replacement, placed like a new instance (its old
 *       placement no longer counts); its old reservations are left to garbage collection.</li>
 * </ul>
 *
 * @param pod       the pod type's spec (the target config)
 * @param index     the instance's index, 0 or more
 * @param tasks     names of the tasks to launch, in order; at least one, each a task of the pod
 * @param kind      new, in place or replacement
 * @param footprint for {@link Kind#IN_PLACE}, what the instance holds; empty otherwise
 */
public record PodRequest(PodSpec pod, int index, List<String> tasks, Kind kind, Optional<PodFootprint> footprint) {

    /** How a pod instance is being placed. */
    public enum Kind { NEW, IN_PLACE, REPLACE }

    /** @throws IllegalArgumentException if the tasks are empty or unknown, or the footprint does not match the kind */
    public PodRequest {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(footprint, "footprint");
        tasks = List.copyOf(tasks);
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a pod request needs at least one task");
        }
        for (String task : tasks) {
            if (pod.task(task) == null) {
                throw new IllegalArgumentException("pod " + pod.name() + " has no task " + task);
            }
        }
        if (footprint.isPresent() != (kind == Kind.IN_PLACE)) {
            throw new IllegalArgumentException("a footprint is given exactly for IN_PLACE requests");
        }
    }

    /** @return a request to place new instance {@code index} with all its tasks */
    public static PodRequest newInstance(PodSpec pod, int index) {
        return new PodRequest(pod, index, List.copyOf(pod.tasks().keySet()), Kind.NEW, Optional.empty());
    }

    /** @return a request to relaunch (or update) instance {@code index} in place, on {@code footprint} */
    public static PodRequest inPlace(PodSpec pod, int index, PodFootprint footprint) {
        return new PodRequest(pod, index, List.copyOf(pod.tasks().keySet()), Kind.IN_PLACE, Optional.of(footprint));
    }

    /** @return a request to replace instance {@code index} permanently, on a new agent */
    public static PodRequest replace(PodSpec pod, int index) {
        return new PodRequest(pod, index, List.copyOf(pod.tasks().keySet()), Kind.REPLACE, Optional.empty());
    }

    /** @return this request launching only {@code tasks} */
    public PodRequest withTasks(String... tasks) {
        return new PodRequest(pod, index, List.of(tasks), kind, footprint);
    }

    /** @return the instance's name, {@code <pod>-<index>} */
    public String podInstanceName() {
        return pod.name() + "-" + index;
    }
}
