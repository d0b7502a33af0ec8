package io.stratum.sdk.backend.mesos;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the backend remembers between events and calls: the framework id, the outstanding offers
 * (with the role each was allocated to), the agent of each task (kills, reconciliations and
 * acknowledgements name it), whether offers are suppressed (a re-subscription keeps them so), the
 * tasks launched that no agent has reported on yet, and the running executors ({@link ExecutorBook}).
 * Thread-safe: events write it on the session's thread, calls read it on the caller's.
 */
final class FrameworkState {
    private static final int UNHEARD_KEPT = 10_000;
    private volatile String frameworkId;
    private volatile boolean suppressed;
    private final Map<String, OfferJson.Received> offers = new ConcurrentHashMap<>();
    private final Map<String, String> agentOfTask = new ConcurrentHashMap<>();
    private final Set<String> unheard = Collections.synchronizedSet(new LinkedHashSet<>());
    private final ExecutorBook executors;

    FrameworkState(Optional<String> frameworkId, ExecutorBook executors) {
        this.frameworkId = frameworkId.orElse(null);
        this.executors = executors;
    }

    ExecutorBook executors() {
        return executors;
    }

    Optional<String> frameworkId() {
        return Optional.ofNullable(frameworkId);
    }

    void frameworkId(String id) {
        frameworkId = id;
    }

    boolean suppressed() {
        return suppressed;
    }

    void suppressed(boolean value) {
        suppressed = value;
    }

    void offered(OfferJson.Received offer) {
        offers.put(offer.offer().id(), offer);
    }

    /** @return the offer, now used up (accepted, declined or rescinded), if it was outstanding */
    Optional<OfferJson.Received> take(String offerId) {
        return Optional.ofNullable(offers.remove(offerId));
    }

    /** @return the ids of every outstanding offer, all of them used up now */
    List<String> takeAll() {
        List<String> ids = List.copyOf(offers.keySet());
        ids.forEach(offers::remove);
        return ids;
    }

    /** Forgets the offers of a lost agent. */
    void agentLost(String agentId) {
        offers.values().removeIf(o -> o.offer().agent().id().equals(agentId));
        agentOfTask.values().removeIf(agentId::equals);
    }

    void taskOn(String taskId, String agentId) {
        agentOfTask.put(taskId, agentId);
    }

    void taskEnded(String taskId) {
        agentOfTask.remove(taskId);
    }

    /**
     * Remembers a task launched (or dropped before it was sent) of which no agent has said anything
     * yet; a bounded memory, of the latest {@value #UNHEARD_KEPT}.
     */
    void launching(String taskId) {
        synchronized (unheard) {
            unheard.add(taskId);
            if (unheard.size() > UNHEARD_KEPT) {
                unheard.remove(unheard.iterator().next());
            }
        }
    }

    /** An agent reported on the task: it reached the cluster. */
    void heardOf(String taskId) {
        unheard.remove(taskId);
    }

    /** @return whether the task was launched, or dropped, without any agent ever reporting on it */
    boolean neverHeardOf(String taskId) {
        return unheard.contains(taskId);
    }

    Optional<String> agentOf(String taskId) {
        return Optional.ofNullable(agentOfTask.get(taskId));
    }

    /** @return the agent of each task, where known */
    Map<String, Optional<String>> agentsOf(Collection<String> taskIds) {
        Map<String, Optional<String>> agents = new LinkedHashMap<>();
        taskIds.forEach(id -> agents.put(id, agentOf(id)));
        return agents;
    }
}
