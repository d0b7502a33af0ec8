package io.stratum.sdk.backend;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one SPI between the scheduler and a resource manager: offer-based, with events in (through
 * a {@link BackendListener}) and calls out. Implementations: {@code local} (tasks are processes on
 * this machine), {@code mesos} (the Mesos v1 scheduler HTTP API) and {@code sim} (a deterministic
 * in-memory cluster). Nothing here is specific to any of them, and all must give the scheduler the
 * same semantics:
 *
 * <ul>
 *   <li>An offer is valid until accepted, declined or rescinded; accepting applies its operations
 *       in order (reserve, create volume, launch, unreserve, destroy) atomically per offer.</li>
 *   <li>Every launch, kill, failure and check result produces a {@link TaskStatusUpdate}; one
 *       carrying an {@link TaskStatusUpdate#ackId() ack id} is redelivered until
 *       {@link #acknowledge acknowledged}.</li>
 *   <li>{@link #reconcile} with task ids answers with their latest statuses (unknown ids with
 *       LOST or GONE); with no ids, the latest status of every task the backend knows.</li>
 * </ul>
 *
 * <p>Calls are thread-safe and return without waiting for their effect; events may arrive on any
 * thread but never concurrently for one backend.
 */
public interface ClusterBackend extends AutoCloseable {

    /**
     * Registers with the cluster and starts delivering events.
     *
     * @param frameworkId the id from an earlier registration, to re-register as the same framework
     * @param listener    receives every event from now on
     */
    void start(Optional<String> frameworkId, BackendListener listener);

    /** Applies {@code operations} to the resources of {@code offerIds} (offers of one agent). */
    void accept(Collection<String> offerIds, List<Operation> operations);

    /** Returns offers unused, asking not to see those resources again for {@code refuseFor}. */
    void decline(Collection<String> offerIds, Duration refuseFor);

    /** Kills a task: SIGTERM (or its equivalent), then after {@code gracePeriod} a hard kill. */
    void kill(String taskId, Duration gracePeriod);

    /** Asks for the latest status of these tasks, or of every known task when empty. */
    void reconcile(Collection<String> taskIds);

    /** Stops offers: the scheduler has no work. */
    void suppress();

    /** Asks for offers again (clearing decline filters): the scheduler has work. */
    void revive();

    /** Acknowledges an update carrying an ack id, so it is not redelivered. */
    void acknowledge(TaskStatusUpdate update);

    /**
     * Backend-specific facts about a task for the API (on the local backend: {@code sandbox} and
     * {@code pid}); empty when the backend has none.
     */
    default Map<String, String> taskInfo(String taskId) {
        return Map.of();
    }

    /** Stops delivering events and releases connections; running tasks are left alone. */
    @Override
    void close();
}
