package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@code mesos.v1.scheduler.Call} messages the backend sends, as JSON. Every call but
 * SUBSCRIBE names the framework; none holds anything the backend has not been given. Stateless.
 */
final class Calls {
    private Calls() {}

    /**
     * @param frameworkId     the id to re-subscribe with, empty for a new framework
     * @param suppressedRoles roles that get no offers right after subscribing
     */
    static ObjectNode subscribe(FrameworkSettings framework, Optional<String> frameworkId,
            Collection<String> suppressedRoles) {
        ObjectNode call = Wire.object();
        frameworkId.ifPresent(id -> call.set("framework_id", Wire.id(id)));
        call.put("type", "SUBSCRIBE");
        ObjectNode subscribe = call.putObject("subscribe");
        subscribe.set("framework_info", framework.frameworkInfo(frameworkId));
        if (!suppressedRoles.isEmpty()) {
            ArrayNode roles = subscribe.putArray("suppressed_roles");
            suppressedRoles.forEach(roles::add);
        }
        return call;
    }

    /** Applies {@code operations} (in order) to the offers. */
    static ObjectNode accept(String frameworkId, Collection<String> offerIds, List<ObjectNode> operations) {
        ObjectNode call = call(frameworkId, "ACCEPT");
        ObjectNode accept = call.putObject("accept");
        offerIds(accept, offerIds);
        accept.putArray("operations").addAll(operations);
        return call;
    }

    /** Returns offers unused, not to be offered again for {@code refuseFor}. */
    static ObjectNode decline(String frameworkId, Collection<String> offerIds, Duration refuseFor) {
        ObjectNode call = call(frameworkId, "DECLINE");
        ObjectNode decline = call.putObject("decline");
        offerIds(decline, offerIds);
        decline.putObject("filters").put("refuse_seconds", Math.max(0, refuseFor.toMillis()) / 1000.0);
        return call;
    }

    /** Kills a task, overriding its kill policy's grace period with {@code gracePeriod}. */
    static ObjectNode kill(String frameworkId, String taskId, Optional<String> agentId, Duration gracePeriod) {
        ObjectNode call = call(frameworkId, "KILL");
        ObjectNode kill = call.putObject("kill");
        kill.set("task_id", Wire.id(taskId));
        agentId.ifPresent(id -> kill.set("agent_id", Wire.id(id)));
        kill.putObject("kill_policy").set("grace_period", Wire.duration(gracePeriod));
        return call;
    }

    /** Asks for the latest status of these tasks (agent ids where known), or of every task when empty. */
    static ObjectNode reconcile(String frameworkId, Map<String, Optional<String>> agentIdByTaskId) {
        ObjectNode call = call(frameworkId, "RECONCILE");
        ArrayNode tasks = call.putObject("reconcile").putArray("tasks");
        agentIdByTaskId.forEach((taskId, agentId) -> {
            ObjectNode task = tasks.addObject();
            task.set("task_id", Wire.id(taskId));
            agentId.ifPresent(id -> task.set("agent_id", Wire.id(id)));
        });
        return call;
    }

    /** Stops offers for {@code roles}. */
    static ObjectNode suppress(String frameworkId, Collection<String> roles) {
        ObjectNode call = call(frameworkId, "SUPPRESS");
        roles.forEach(call.putObject("suppress").putArray("roles")::add);
        return call;
    }

    /** Asks for offers for {@code roles} again and clears their decline filters. */
    static ObjectNode revive(String frameworkId, Collection<String> roles) {
        ObjectNode call = call(frameworkId, "REVIVE");
        roles.forEach(call.putObject("revive").putArray("roles")::add);
        return call;
    }

    /** Acknowledges a status update; {@code uuid} is the update's uuid as it came (base64). */
    static ObjectNode acknowledge(String frameworkId, String agentId, String taskId, String uuid) {
        ObjectNode call = call(frameworkId, "ACKNOWLEDGE");
        ObjectNode ack = call.putObject("acknowledge");
        ack.set("agent_id", Wire.id(agentId));
        ack.set("task_id", Wire.id(taskId));
        ack.put("uuid", uuid);
        return call;
    }

    static ObjectNode teardown(String frameworkId) {
        return call(frameworkId, "TEARDOWN");
    }

    private static ObjectNode call(String frameworkId, String type) {
        ObjectNode call = Wire.object();
        call.set("framework_id", Wire.id(frameworkId));
        call.put("type", type);
        return call;
    }

    private static void offerIds(ObjectNode message, Collection<String> offerIds) {
        ArrayNode ids = message.putArray("offer_ids");
        offerIds.forEach(id -> ids.add(Wire.id(id)));
    }
}
