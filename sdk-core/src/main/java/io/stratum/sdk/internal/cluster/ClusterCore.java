package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Resource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster-side logic both embedded backends share: the agents ({@link AgentLedger}: resources,
 * reservations, volumes, what live tasks hold), the {@link OfferBook}, and the accept of a list of
 * operations against one agent's offers ({@link #accept}). The {@code local} backend wraps it with
 * processes and files, the {@code sim} backend with scripted tasks and a clock; each reports
 * outcomes its own way through an {@link AcceptListener}.
 *
 * <p>Not thread-safe: the backend calls it from one thread (local) or under one lock (sim).
 */
public final class ClusterCore {
    private final Map<String, AgentLedger> agents = new LinkedHashMap<>();
    private final OfferBook offers;

    /**
     * @param offerIdPrefix what every offer id starts with; a sequence number follows
     * @param repeat        what sending offers does with an agent's offer still out
     */
    public ClusterCore(String offerIdPrefix, OfferBook.Repeat repeat) {
        this.offers = new OfferBook(agents, offerIdPrefix, repeat);
    }

    /**
     * Adds an agent, offered after those added before it.
     *
     * @param resources everything it has, unreserved or pre-reserved for a role, none dynamically reserved
     * @param journal   where its reservations and volumes are kept beyond memory
     * @return its ledger
     * @throws IllegalArgumentException if an agent has its id already, or a resource is dynamically reserved
     */
    public AgentLedger add(Agent agent, List<Resource> resources, AgentJournal journal) {
        AgentLedger ledger = new AgentLedger(agent, resources, journal);
        if (agents.putIfAbsent(agent.id(), ledger) != null) {
            throw new IllegalArgumentException("two agents with id " + agent.id());
        }
        return ledger;
    }

    /** @return the agents, in the order they were added */
    public Collection<AgentLedger> agents() {
        return agents.values();
    }

    /** @throws IllegalArgumentException if there is no such agent */
    public AgentLedger agent(String agentId) {
        AgentLedger agent = agents.get(agentId);
        if (agent == null) {
            throw new IllegalArgumentException("no agent " + agentId);
        }
        return agent;
    }

    public OfferBook offers() {
        return offers;
    }

    /**
     * Uses up offers of one agent and applies {@code operations} to it, in order, telling
     * {@code listener} what became of each (see {@link OperationApplier}).
     *
     * @return why nothing at all was applied (an offer no longer valid, offers of more than one
     *     agent), in which case {@code listener} heard nothing; empty otherwise
     */
    public Optional<String> accept(Collection<String> offerIds, List<Operation> operations, AcceptListener listener) {
        OfferBook.Accepted accepted = offers.take(offerIds);
        if (accepted.invalid() != null) {
            return Optional.of(accepted.invalid());
        }
        new OperationApplier(accepted, listener).apply(operations);
        return Optional.empty();
    }

    /** A task ended: what only it held on its agent is free again, and the agent's decline filter lifts. */
    public void release(String agentId, String taskId) {
        AgentLedger agent = agents.get(agentId);
        if (agent != null) {
            agent.release(taskId);
            offers.freed(agentId);
        }
    }

    /** @return the operation's kind as Mesos names it: RESERVE, CREATE, LAUNCH_GROUP, UNRESERVE or DESTROY */
    public static String kind(Operation operation) {
        return OperationApplier.kind(operation);
    }
}
