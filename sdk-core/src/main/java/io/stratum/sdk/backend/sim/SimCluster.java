package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.internal.cluster.Zones;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Resource;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A deterministic, in-memory cluster that is a {@link ClusterBackend}: the {@code sim} backend of
 * unit tests, the framework authors' test harness and the benchmarks. It keeps, per agent, what
 * Mesos keeps: unreserved resources, dynamic reservations with their labels, persistent volumes,
 * and which live tasks use what; and it answers operations as Mesos does (see the package
 * description).
 *
 * <pre>{@code
 * SimCluster cluster = SimCluster.builder()
 *         .agents(3, a -> a.cpus(16).mem(65536).zone("us-east-1", "us-east-1" + "abc".charAt(a.index() % 3)))
 *         .build();
 * cluster.start(Optional.empty(), scheduler);
 * cluster.sendOffers();
 * cluster.deliver();                       // registered, then one offers() call
 * cluster.script("node-1-server", TaskBehaviour.failOnStart("exit 1"));
 * cluster.advance(Duration.ofSeconds(30)); // the cluster's clock, which the scheduler reads too
 * }</pre>
 *
 * <p><b>Nothing happens by itself.</b> Calls change the cluster at once and queue the events they
 * cause (offers, rescinds, status updates, agent loss); the listener gets them only when
 * {@link #deliver()} is called, in order, on the caller's thread. With
 * {@link Builder#withAutoDeliver(boolean) auto-delivery} each call delivers at its end instead;
 * calls the listener makes while events are delivered only queue theirs, which the same delivery
 * then hands over. Scripted steps with a delay wait for the {@link #clock()} to reach them and are
 * released by {@link #deliver()}, {@link #sendOffers()} and {@link #tick()}.
 *
 * <p>What the cluster holds is answered as snapshots in plain immutable values, in a stable order
 * (agents as they were added, tasks as they were launched); later changes don't show in them.
 *
 * <p>Thread-safe: every call takes one lock, and the listener is called holding it.
 */
public interface SimCluster extends ClusterBackend {

    // ---- driving

    /**
     * Delivers every queued event to the listener, including those queued while delivering.
     *
     * @return how many events were delivered; 0 when not started
     * @throws IllegalStateException if more than {@link Builder#withMaxEventsPerDelivery the limit}
     *     are delivered in one call (the scheduler and the cluster are feeding each other forever)
     */
    int deliver();

    /** Sends offers as {@link #sendOffers(boolean) sendOffers(false)}. */
    List<Offer> sendOffers();

    /**
     * Queues one offer per agent (one {@code offers} event for all) with what it can offer now,
     * each under a new offer id; an agent's earlier offer still outstanding is rescinded first.
     * Skipped: lost agents, agents with nothing to offer, and agents under a decline filter that
     * has not expired (nor been cleared by {@code revive}) unless resources were freed on them
     * since the decline. Nothing is sent while suppressed, unless {@code force}.
     *
     * @param force whether to send even while the scheduler has suppressed offers
     * @return the offers queued; empty when not started
     */
    List<Offer> sendOffers(boolean force);

    /**
     * Reports the scripted steps whose delay has passed by the clock.
     *
     * @return how many status updates were queued
     */
    int tick();

    /**
     * Moves the cluster's own clock forward (see {@link Builder#withClock}); nothing else happens
     * until the next {@link #tick()}, {@link #deliver()} or {@link #sendOffers()}.
     *
     * @param duration how far, zero or more
     * @return the new time
     * @throws IllegalArgumentException if {@code duration} is negative
     * @throws IllegalStateException    if the cluster was given a clock of the caller's, which the caller moves
     */
    Instant advance(Duration duration);

    /** Queues again every status update not yet acknowledged, as an agent retries them. */
    void redeliverUnacked();

    // ---- scripts and commands

    /**
     * Scripts tasks from now on: a launched task whose full name ({@code <pod>-<index>-<task>})
     * starts with {@code taskNameOrPrefix}, or whose task name or id is exactly it, behaves as
     * {@code behaviour}. The most recent matching script wins.
     */
    void script(String taskNameOrPrefix, TaskBehaviour behaviour);

    /** As {@link #script(String, TaskBehaviour)}, for the next matching launch only. */
    void scriptOnce(String taskNameOrPrefix, TaskBehaviour behaviour);

    /**
     * Scripts tasks with a function of their launch, answering null for tasks it leaves to other
     * scripts or the default rules; e.g. {@code l -> TaskBehaviour.states(STARTING, FAILED)}.
     */
    void script(Function<TaskLaunch, TaskBehaviour> script);

    /** Forgets every script: tasks launched from now on follow the default rules. */
    void clearScripts();

    /**
     * Makes a live task fail (exit non-zero): a {@code FAILED} update.
     *
     * @throws IllegalArgumentException if the cluster never launched the task
     * @throws IllegalStateException if the task is already in a terminal state
     */
    void fail(String taskId, String message);

    /** Makes a live task exit with status 0: a {@code FINISHED} update. Throws as {@link #fail}. */
    void finish(String taskId);

    /** Reports a new health check result for a live task, in its current state. Throws as {@link #fail}. */
    void setHealth(String taskId, CheckState result);

    /** Reports a new readiness check result for a live task, in its current state. Throws as {@link #fail}. */
    void setReadiness(String taskId, CheckState result);

    /** Moves a live task to any state, with a message. Throws as {@link #fail}. */
    void update(String taskId, TaskState state, String message);

    /**
     * Loses an agent for good: its outstanding offer is rescinded, its live tasks are reported
     * {@code LOST} (by the master: no ack id), then {@code agentLost}. It never offers again; its
     * reservations and volumes stay visible to {@link #reservations} but are unusable.
     *
     * @throws IllegalArgumentException if there is no such agent
     */
    void loseAgent(String agentId);

    /**
     * Restarts an agent, as after a reboot that kept its checkpointed state: its outstanding offer
     * is rescinded and its live tasks {@code FAILED}; its reservations and volumes survive and are
     * offered again, so tasks can be relaunched in place.
     *
     * @throws IllegalArgumentException if there is no such agent
     * @throws IllegalStateException if the agent is lost
     */
    void restartAgent(String agentId);

    // ---- what the cluster holds

    /** @return the cluster's time */
    InstantSource clock();

    /** @return every agent, lost ones included, in the order they were added */
    List<Agent> agents();

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

    /** @return the operations refused, in order */
    List<OperationError> errors();

    /**
     * @return the agent's dynamic reservations, each with its labels and any volume on it, in use
     *     or not; scalar pieces of one {@code resource_id} are merged into one resource
     * @throws IllegalArgumentException if there is no such agent
     */
    List<Resource> reservations(String agentId);

    /** @return the agent's reserved disks that carry a persistent volume */
    List<Resource> volumes(String agentId);

    /** @return whether the scheduler suppressed offers (and has not revived since) */
    boolean isSuppressed();

    /** @return a builder of an empty cluster with a clock of its own standing still */
    static Builder builder() {
        return new Builder();
    }

    /**
     * An offer the scheduler declined, as {@link #declines()} lists it.
     *
     * @param offerId   the declined offer
     * @param agentId   its agent
     * @param refuseFor how long the scheduler asked not to see the agent's resources again
     * @param at        when it declined, by the cluster's clock
     */
    record Decline(String offerId, String agentId, Duration refuseFor, Instant at) {
        public Decline {
            Objects.requireNonNull(offerId, "offerId");
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(refuseFor, "refuseFor");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A kill the scheduler asked for, as {@link #kills()} lists it.
     *
     * @param taskId      the task to kill (known to the cluster or not)
     * @param gracePeriod the grace period asked for
     * @param at          when, by the cluster's clock
     */
    record KillRequest(String taskId, Duration gracePeriod, Instant at) {
        public KillRequest {
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(gracePeriod, "gracePeriod");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * An operation the cluster refused and ignored, as {@link #errors()} lists it. A real cluster
     * manager answers the same mistakes the same way: the operation is dropped, the others of the
     * accept still apply, and the tasks of a refused launch get {@code ERROR} (or {@code DROPPED}
     * when the offer itself was no longer valid).
     *
     * @param offerIds  the offers the operation was sent with, comma-separated
     * @param operation the kind of operation: {@code RESERVE}, {@code CREATE}, {@code LAUNCH_GROUP},
     *                  {@code UNRESERVE} or {@code DESTROY}
     * @param message   why it was refused
     */
    record OperationError(String offerIds, String operation, String message) {
        public OperationError {
            Objects.requireNonNull(offerIds, "offerIds");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Describes a {@link SimCluster}: its agents and options. Not thread-safe; build once. */
    final class Builder {
        private final List<SimAgent> agents = new ArrayList<>();
        private InstantSource clock;
        private boolean autoDeliver;
        private int maxEventsPerDelivery = 1_000_000;
        private Zones zones = Zones.NONE;

        private Builder() {
        }

        /** Adds {@code count} agents, each described by {@code agent} (which can read its {@code index()}). */
        public Builder agents(int count, Consumer<SimAgent> agent) {
            for (int i = 0; i < count; i++) {
                agent(agent);
            }
            return this;
        }

        /** Adds one agent described by {@code agent}. */
        public Builder agent(Consumer<SimAgent> agent) {
            SimAgent described = new SimAgent(agents.size() + 1);
            agent.accept(described);
            agents.add(described);
            return this;
        }

        /** Spreads the agents without a zone of their own over {@code zones} of {@code region}, round-robin by index. */
        public Builder withZones(String region, String... zones) {
            this.zones = Zones.of(region, zones);
            return this;
        }

        /**
         * Sets the cluster's time, for a test that moves a clock of its own; by default the cluster
         * has a clock of its own, standing at 2024-01-01T00:00:00Z until {@link SimCluster#advance}.
         */
        public Builder withClock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Delivers events at the end of every call instead of on {@link SimCluster#deliver()}; default off. */
        public Builder withAutoDeliver(boolean autoDeliver) {
            this.autoDeliver = autoDeliver;
            return this;
        }

        /** Sets how many events one delivery may hand over before it gives up; default 1,000,000. */
        public Builder withMaxEventsPerDelivery(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max must be >= 1, got " + max);
            }
            this.maxEventsPerDelivery = max;
            return this;
        }

        /** @return the cluster, not started */
        public SimCluster build() {
            for (SimAgent agent : agents) {
                if (!zones.isEmpty() && !agent.hasZone()) {
                    agent.zone(zones.region(), zones.zoneOf(agent.index()));
                }
            }
            return new DefaultSimCluster(agents, clock == null ? SimClock.create() : clock, autoDeliver,
                    maxEventsPerDelivery);
        }
    }
}
