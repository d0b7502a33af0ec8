package io.stratum.sdk.backend.mesos;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the backend remembers between events and calls: the framework id, the outstanding offers
 * (with the role each was allocated to), the agent of each task (kills, reconciliations and
 * acknowledgements name it), and whether offers are suppressed (a re-subscription keeps them so).
 * Thread-safe: events write it on the session's thread, calls read it on the caller's.
 */
final class FrameworkState {
    private volatile String frameworkId;
    private volatile boolean suppressed;
    private final Map<String, OfferJson.Received> offers = new ConcurrentHashMap<>();
    private final Map<String, String> agentOfTask = new ConcurrentHashMap<>();

    FrameworkState(Optional<String> frameworkId) {
        this.frameworkId = frameworkId.orElse(null);
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

    Optional<String> agentOf(String taskId) {
        return Optional.ofNullable(agentOfTask.get(taskId));
    }

    /** @return the agent of each task, where known */
    Map<String, Optional<String>> agentsOf(Collection<String> taskIds) {
        Map<String, Optional<String>> agents = new java.util.LinkedHashMap<>();
        taskIds.forEach(id -> agents.put(id, agentOf(id)));
        return agents;
    }
}
