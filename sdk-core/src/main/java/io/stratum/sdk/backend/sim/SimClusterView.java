package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Resource;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link SimCluster} holds, for assertions in tests and for the test harness: agents,
 * tasks, reservations and volumes, offers, declines, kills, suppression, counters. Every answer
 * is a snapshot in plain immutable values, in a stable order (agents as they were added, tasks as
 * they were launched); later changes to the cluster don't show in it.
 */
public interface SimClusterView {

    /** @return the cluster's time */
    InstantSource clock();

    /** @return the framework id given at the last {@code start}, if started */
    Optional<String> frameworkId();

    /** @return every agent, lost ones included, in the order they were added */
    List<Agent> agents();

    /** @return the ids of the agents lost with {@link SimCluster#loseAgent} */
    Set<String> lostAgents();

    /** @return every task launched, as it stands now, in launch order */
    List<SimTask> tasks();

    /** @return the tasks that have not reached a terminal state, in launch order */
    List<SimTask> liveTasks();

    /** @return the task with this id, if the cluster launched it */
    Optional<SimTask> task(String taskId);

    /** @return every task launch the cluster accepted, in order (refused launches are in {@link #errors()}) */
    List<TaskLaunch> launched();

    /** @return every decline of a valid offer, in order */
    List<Decline> declines();

    /** @return every kill asked for, in order */
    List<KillRequest> kills();

    /**
     * @return the agent's dynamic reservations, each with its labels and any volume on it, in use
     *     or not; scalar pieces of one {@code resource_id} are merged into one resource
     * @throws IllegalArgumentException if there is no such agent
     */
    List<Resource> reservations(String agentId);

    /** @return the agent's reserved disks that carry a persistent volume */
    List<Resource> volumes(String agentId);

    /**
     * @return what an offer from this agent would hold now: unreserved and pre-reserved resources
     *     not reserved or used, and the reservations (with volumes) no live task uses
     */
    List<Resource> offerable(String agentId);

    /** @return the offers sent and not yet accepted, declined or rescinded */
    List<Offer> outstandingOffers();

    /** @return whether the scheduler suppressed offers (and has not revived since) */
    boolean isSuppressed();

    /** @return how many times the scheduler called {@code suppress} */
    int suppressCount();

    /** @return how many times the scheduler called {@code revive} */
    int reviveCount();

    /** @return how many operations were applied and refused, by kind */
    OperationCounts operationsApplied();

    /** @return the operations refused, in order */
    List<OperationError> errors();

    /** @return the status updates carrying an ack id that the scheduler has not acknowledged, oldest first */
    List<TaskStatusUpdate> unacknowledged();

    /** @return how many events wait for the next {@link SimCluster#deliver()} */
    int queued();
}
