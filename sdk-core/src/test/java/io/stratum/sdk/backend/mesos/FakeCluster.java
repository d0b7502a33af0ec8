package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The cluster behind the test masters (one state, several masters can front it for failovers):
 * one framework, its subscription stream, fake agents, offers, tasks and unacknowledged updates,
 * with the documented semantics kept minimal: SUBSCRIBED then a HEARTBEAT at once; heartbeats
 * every interval; offers of every agent not filtered while not suppressed; status updates with a
 * uuid resent on re-subscription until acknowledged; the master's own updates (reconciliation,
 * dropped launches, invalid task groups) without one. Everything received is recorded; every
 * protocol slip (an ack of an unknown uuid, a bad stream id, ...) goes to {@link #errors}.
 * Thread-safe: one lock.
 */
final class FakeCluster {
    final List<FakeAgent> agents = new ArrayList<>();
    final List<ObjectNode> calls = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final Map<String, FakeTask> tasks = new LinkedHashMap<>();
    final FakeLaunches launches = new FakeLaunches(this);
    volatile double heartbeatSeconds = 0.1;
    /** When set, the next ACCEPT finds its offers gone, as when a rescind crosses the accept. */
    volatile boolean voidNextAccept;
    /** While set, the stream carries nothing at all, as over a silent network partition. */
    volatile boolean silent;
    final Map<String, ObjectNode> unacked = new LinkedHashMap<>();
    private final Set<String> sentUuids = new HashSet<>();
    final Map<String, ObjectNode> offers = new LinkedHashMap<>();
    private final Map<String, Instant> refusedUntil = new HashMap<>();
    private final Set<String> allRoles = new HashSet<>();
    String frameworkId;
    String role = "*";
    String principal;
    volatile boolean suppressed;
    private EventQueue stream;
    private Instant lastHeartbeat = Instant.EPOCH;
    private int offerSequence;
    volatile int subscriptions;

    synchronized FakeAgent agent(String id, double cpus, double mem, double disk) {
        FakeAgent agent = new FakeAgent(id, id + ".example", cpus, mem, disk, 31000, 31099);
        agents.add(agent);
        return agent;
    }

    synchronized List<ObjectNode> calls(String type) {
        return calls.stream().filter(c -> type.equals(c.path("type").asText())).toList();
    }

    /** A SUBSCRIBE: a new stream replaces the old one (as with {@code force}), and unacknowledged updates come again. */
    synchronized EventQueue subscribe(JsonNode call) {
        JsonNode info = call.path("subscribe").path("framework_info");
        String requested = Wire.idOf(info, "id").orElse(null);
        if (requested != null && !requested.equals(frameworkId)) {
            errors.add("re-subscribed with unknown framework id " + requested);
        }
        frameworkId = requested != null ? requested : "fw-" + UUID.randomUUID();
        role = info.path("roles").path(0).asText("*");
        principal = info.path("principal").asText(null);
        info.path("roles").forEach(r -> allRoles.add(r.asText()));
        suppressed = call.path("subscribe").path("suppressed_roles").size() > 0;
        dropStream();
        subscriptions++;
        stream = new EventQueue(UUID.randomUUID().toString());
        ObjectNode subscribed = event("SUBSCRIBED");
        subscribed.putObject("subscribed").put("heartbeat_interval_seconds", heartbeatSeconds)
                .set("framework_id", Wire.id(frameworkId));
        stream.send(subscribed);
        stream.send(event("HEARTBEAT"));
        lastHeartbeat = Instant.now();
        unacked.values().forEach(status -> stream.send(update(status)));
        return stream;
    }

    /** @return what the fetcher wrote into the task's sandbox, by path; empty for an unknown task */
    synchronized Map<String, String> sandboxOf(String taskId) {
        FakeTask task = tasks.get(taskId);
        return task == null ? Map.of() : Map.copyOf(task.sandbox);
    }

    /** @return the persistent volumes reachable in the task's own sandbox, persistence id by path */
    synchronized Map<String, String> volumesOf(String taskId) {
        FakeTask task = tasks.get(taskId);
        return task == null ? Map.of() : Map.copyOf(task.volumes);
    }

    synchronized int unackedCount() {
        return unacked.size();
    }

    synchronized String streamId() {
        return stream == null ? null : stream.streamId;
    }

    /** Ends the subscription stream (the framework is disconnected) and rescinds nothing: its offers are void. */
    synchronized void dropStream() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
        offers.clear();
    }

    /** Every call but SUBSCRIBE, once its stream id was checked. */
    synchronized void call(JsonNode call) {
        if (!frameworkId.equals(Wire.idOf(call, "framework_id").orElse(null))) {
            errors.add("a call for another framework: " + call);
            return;
        }
        switch (call.path("type").asText()) {
            case "ACCEPT" -> launches.accept(call.path("accept"));
            case "DECLINE" -> decline(call.path("decline"));
            case "KILL" -> kill(Wire.idOf(call.path("kill"), "task_id").orElseThrow());
            case "RECONCILE" -> reconcile(call.path("reconcile").path("tasks"));
            case "ACKNOWLEDGE" -> acknowledge(call.path("acknowledge"));
            case "SUPPRESS" -> suppressed = true;
            case "REVIVE" -> {
                suppressed = false;
                refusedUntil.clear();
            }
            default -> errors.add("unexpected call " + call.path("type").asText());
        }
    }

    /** Heartbeats and offers, as time passes. */
    synchronized void tick(Instant now) {
        if (stream == null || silent) {
            return;
        }
        if (now.isAfter(lastHeartbeat.plusMillis((long) (heartbeatSeconds * 1000)))) {
            stream.send(event("HEARTBEAT"));
            lastHeartbeat = now;
        }
        if (!suppressed) {
            makeOffers(now);
        }
    }

    /** Sends a status update as an agent does: with a uuid, again on re-subscription until acknowledged. */
    synchronized void agentUpdate(FakeTask task, String state, String message, ObjectNode extra) {
        task.state = state;
        ObjectNode status = status(task, state, message).put("source", "SOURCE_EXECUTOR");
        byte[] uuid = new byte[16];
        ThreadLocalRandom.current().nextBytes(uuid);
        status.put("uuid", Base64.getEncoder().encodeToString(uuid));
        if (extra != null) {
            status.setAll(extra);
        }
        unacked.put(status.path("uuid").asText(), status);
        sentUuids.add(status.path("uuid").asText());
        send(update(status));
    }

    /** Sends a status update the master makes itself: no uuid, never acknowledged. */
    synchronized void masterUpdate(String taskId, String agentId, String state, String reason, String message) {
        ObjectNode status = Wire.object().put("state", state).put("source", "SOURCE_MASTER").put("reason", reason)
                .put("message", message).put("timestamp", Instant.now().toEpochMilli() / 1000.0);
        status.set("task_id", Wire.id(taskId));
        if (agentId != null) {
            status.set("agent_id", Wire.id(agentId));
        }
        send(update(status));
    }

    /** The task fails on its agent. */
    synchronized void fail(String taskId) {
        agentUpdate(tasks.get(taskId), "TASK_FAILED", "Command exited with status 1", null);
        launches.ended(tasks.get(taskId));
    }

    /** The agent is removed: FAILURE, and its tasks gone. */
    synchronized void loseAgent(String agentId) {
        for (FakeTask task : tasks.values()) {
            if (task.agentId.equals(agentId) && task.isLive()) {
                task.state = "TASK_GONE";
                masterUpdate(task.taskId, agentId, "TASK_GONE", "REASON_AGENT_REMOVED", "agent removed");
            }
        }
        offers.values().removeIf(o -> Wire.idOf(o, "agent_id").orElse("").equals(agentId));
        ObjectNode failure = event("FAILURE");
        failure.putObject("failure").set("agent_id", Wire.id(agentId));
        send(failure);
        agents.removeIf(a -> a.id.equals(agentId));
    }

    /**
     * Resources were freed on the agent: its outstanding offers are rescinded, to be made anew with
     * them, and its decline filter lifts (a filter covers the resources declined, not new ones).
     */
    void freed(String agentId) {
        refusedUntil.remove(agentId);
        List<String> stale = offers.entrySet().stream()
                .filter(e -> agentId.equals(Wire.idOf(e.getValue(), "agent_id").orElse(null))).map(Map.Entry::getKey).toList();
        for (String offerId : stale) {
            offers.remove(offerId);
            ObjectNode rescind = event("RESCIND");
            rescind.putObject("rescind").set("offer_id", Wire.id(offerId));
            send(rescind);
        }
    }

    void send(ObjectNode event) {
        if (stream != null && !silent) {
            stream.send(event);
        }
    }

    ObjectNode status(FakeTask task, String state, String message) {
        ObjectNode status = Wire.object().put("state", state).put("message", message)
                .put("timestamp", Instant.now().toEpochMilli() / 1000.0);
        status.set("task_id", Wire.id(task.taskId));
        status.set("agent_id", Wire.id(task.agentId));
        status.set("executor_id", Wire.id(task.executorId));
        return status;
    }

    FakeAgent agentById(String id) {
        return agents.stream().filter(a -> a.id.equals(id)).findFirst().orElse(null);
    }

    static ObjectNode event(String type) {
        return Wire.object().put("type", type);
    }

    private static ObjectNode update(ObjectNode status) {
        ObjectNode update = event("UPDATE");
        update.putObject("update").set("status", status);
        return update;
    }

    private void makeOffers(Instant now) {
        Set<String> offered = new HashSet<>();
        offers.values().forEach(o -> offered.add(Wire.idOf(o, "agent_id").orElseThrow()));
        List<ObjectNode> made = new ArrayList<>();
        for (FakeAgent agent : agents) {
            Instant until = refusedUntil.get(agent.id);
            if (offered.contains(agent.id) || (until != null && now.isBefore(until))) {
                continue;
            }
            List<ObjectNode> resources = agent.offerable(launches.inUse(agent.id), role);
            if (resources.isEmpty()) {
                continue;
            }
            ObjectNode offer = Wire.object();
            offer.set("id", Wire.id("offer-" + ++offerSequence));
            offer.set("framework_id", Wire.id(frameworkId));
            offer.set("agent_id", Wire.id(agent.id));
            offer.put("hostname", agent.hostname);
            offer.putObject("allocation_info").put("role", role);
            offer.putArray("resources").addAll(resources);
            agent.attributes.forEach((name, value) -> offer.withArray("attributes").addObject().put("name", name)
                    .put("type", "TEXT").putObject("text").put("value", value));
            if (agent.zone != null) {
                ObjectNode domain = offer.putObject("domain").putObject("fault_domain");
                domain.putObject("region").put("name", agent.region);
                domain.putObject("zone").put("name", agent.zone);
            }
            offers.put("offer-" + offerSequence, offer);
            made.add(offer);
        }
        if (!made.isEmpty()) {
            ObjectNode event = event("OFFERS");
            event.putObject("offers").putArray("offers").addAll(made);
            send(event);
        }
    }

    private void decline(JsonNode decline) {
        double refuse = decline.path("filters").path("refuse_seconds").asDouble(5);
        for (JsonNode id : decline.path("offer_ids")) {
            ObjectNode offer = offers.remove(id.path("value").asText());
            if (offer != null) {
                refusedUntil.put(Wire.idOf(offer, "agent_id").orElseThrow(), Instant.now().plusMillis((long) (refuse * 1000)));
            }
        }
    }

    private void kill(String taskId) {
        FakeTask task = tasks.get(taskId);
        if (task == null || !task.isLive()) {
            masterUpdate(taskId, null, "TASK_UNKNOWN", "REASON_RECONCILIATION", "unknown task");
            return;
        }
        agentUpdate(task, "TASK_KILLING", "killing", null);
        agentUpdate(task, "TASK_KILLED", "killed", null);
        launches.ended(task);
    }

    private void reconcile(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(t -> ids.add(Wire.idOf(t, "task_id").orElseThrow()));
        if (ids.isEmpty()) {
            tasks.values().stream().filter(FakeTask::isLive).forEach(t -> ids.add(t.taskId));
        }
        for (String id : ids) {
            FakeTask task = tasks.get(id);
            if (task == null) {
                masterUpdate(id, null, "TASK_UNKNOWN", "REASON_RECONCILIATION", "reconciliation: unknown task");
            } else {
                ObjectNode status = status(task, task.state, "reconciliation").put("source", "SOURCE_MASTER")
                        .put("reason", "REASON_RECONCILIATION");
                send(update(status));
            }
        }
    }

    private void acknowledge(JsonNode ack) {
        String uuid = ack.path("uuid").asText();
        ObjectNode status = unacked.remove(uuid);
        if (status == null && sentUuids.contains(uuid)) {
            return; // acknowledged again (sent again before the first ack arrived): agents ignore it
        }
        if (status == null) {
            errors.add("acknowledged an update the master never sent with a uuid: " + ack);
        } else if (!Wire.idOf(status, "task_id").equals(Wire.idOf(ack, "task_id"))
                || !Wire.idOf(status, "agent_id").equals(Wire.idOf(ack, "agent_id"))) {
            errors.add("acknowledged uuid " + uuid + " with the wrong task or agent: " + ack);
        }
    }
}
