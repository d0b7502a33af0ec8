package io.stratum.sdk.backend.sim;

import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One agent as the cluster manager tracks it: its free resources, its reservations and volumes
 * ({@link Holdings}), which live tasks use which reservation or which unreserved resources, its
 * outstanding offer and its decline filter. Mutable; the cluster's lock guards it.
 */
final class AgentLedger {
    final Agent agent;
    final Holdings holdings;
    private final Map<String, Set<String>> users = new HashMap<>();
    private final Map<String, List<Resource>> unreservedInUse = new HashMap<>();
    private final Set<String> liveTasks = new LinkedHashSet<>();
    private boolean lost;
    private String outstandingOffer;
    private Instant refusedUntil;
    private long freed;
    private long freedAtRefusal;

    AgentLedger(SimAgent spec) {
        this.agent = spec.agent();
        this.holdings = Holdings.of(spec.resources());
    }

    /** @return what an offer would hold: the free resources, and the reservations no live task uses */
    List<Resource> offerable() {
        List<Resource> out = holdings.unreserved();
        for (Resource r : holdings.reserved()) {
            if (!inUse(r.resourceId().orElseThrow())) {
                out.add(r);
            }
        }
        return out;
    }

    boolean inUse(String resourceId) {
        Set<String> tasks = users.get(resourceId);
        return tasks != null && !tasks.isEmpty();
    }

    /** @return a task using the reservation, or null */
    String user(String resourceId) {
        Set<String> tasks = users.get(resourceId);
        return tasks == null || tasks.isEmpty() ? null : tasks.iterator().next();
    }

    /** @return why reservation {@code resourceId} cannot be used from the offer: in use, not offered, or unknown */
    String whyNotOffered(String resourceId) {
        Resource held = holdings.reserved(resourceId);
        if (held == null) {
            return "there is no reservation " + resourceId + " on agent " + agent.id();
        }
        String task = user(resourceId);
        return "reservation " + resourceId + " (" + held + ") is " + (task != null ? "in use by task " + task
                : "not in the offer");
    }

    /** @return the reserved disk carrying volume {@code persistenceId}, or null */
    Resource volume(String persistenceId) {
        for (Resource r : holdings.reserved()) {
            if (r.volume().isPresent() && r.volume().get().persistenceId().equals(persistenceId)) {
                return r;
            }
        }
        return null;
    }

    /** Records that {@code taskId} runs on these reservations and unreserved resources (already taken from the pools). */
    void use(String taskId, Set<String> reservations, List<Resource> unreserved) {
        liveTasks.add(taskId);
        for (String id : reservations) {
            users.computeIfAbsent(id, k -> new LinkedHashSet<>(2)).add(taskId);
        }
        if (!unreserved.isEmpty()) {
            unreservedInUse.put(taskId, unreserved);
        }
    }

    /** A task ended: what only it used becomes offerable again. */
    void release(String taskId, Set<String> reservations) {
        liveTasks.remove(taskId);
        for (String id : reservations) {
            Set<String> tasks = users.get(id);
            if (tasks != null && tasks.remove(taskId) && tasks.isEmpty()) {
                users.remove(id);
            }
        }
        List<Resource> unreserved = unreservedInUse.remove(taskId);
        if (unreserved != null) {
            unreserved.forEach(holdings::giveUnreserved);
        }
        freed++;
    }

    /** @return the live tasks on the agent, in launch order */
    List<String> liveTasks() {
        return new ArrayList<>(liveTasks);
    }

    boolean isLost() {
        return lost;
    }

    void markLost() {
        lost = true;
    }

    String outstandingOffer() {
        return outstandingOffer;
    }

    void setOutstandingOffer(String offerId) {
        this.outstandingOffer = offerId;
    }

    /** The scheduler declined: no offers until {@code until}, unless resources are freed first. */
    void refuseUntil(Instant until) {
        refusedUntil = until;
        freedAtRefusal = freed;
    }

    void clearRefusal() {
        refusedUntil = null;
    }

    /** @return whether a decline filter holds the agent's offers back at {@code now} */
    boolean isRefused(Instant now) {
        return refusedUntil != null && now.isBefore(refusedUntil) && freed == freedAtRefusal;
    }
}
