package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent of the test master: unreserved cpus, mem, disk and ports, and the reservations (with
 * their volumes) operations made, kept as the Mesos resources they were sent as. Applies RESERVE,
 * UNRESERVE, CREATE and DESTROY minimally, finding reservations by their {@code resource_id}
 * label. Guarded by the cluster's lock.
 */
final class FakeAgent {
    final String id;
    final String hostname;
    final Map<String, String> attributes = new LinkedHashMap<>();
    String region;
    String zone;
    final Map<String, Double> unreserved = new LinkedHashMap<>();
    final TreeSet<Long> ports = new TreeSet<>();
    final List<ObjectNode> reserved = new ArrayList<>();

    FakeAgent(String id, String hostname, double cpus, double mem, double disk, long firstPort, long lastPort) {
        this.id = id;
        this.hostname = hostname;
        unreserved.put("cpus", cpus);
        unreserved.put("mem", mem);
        unreserved.put("disk", disk);
        for (long p = firstPort; p <= lastPort; p++) {
            ports.add(p);
        }
    }

    /** @return what the agent offers now: its unreserved resources and the reservations no live task uses */
    List<ObjectNode> offerable(Set<String> inUse, String role) {
        List<ObjectNode> resources = new ArrayList<>();
        unreserved.forEach((name, amount) -> {
            if (amount > 0.0005) {
                ObjectNode r = Wire.object().put("name", name).put("type", "SCALAR");
                r.putObject("scalar").put("value", Wire.scalar(amount));
                resources.add(r);
            }
        });
        if (!ports.isEmpty()) {
            ObjectNode r = Wire.object().put("name", "ports").put("type", "RANGES");
            ranges(r.putObject("ranges").putArray("range"));
            resources.add(r);
        }
        reserved.stream().filter(r -> !inUse.contains(resourceId(r))).forEach(r -> resources.add(r.deepCopy()));
        resources.forEach(r -> r.putObject("allocation_info").put("role", role));
        return resources;
    }

    void reserve(JsonNode resource) {
        take(resource);
        ObjectNode kept = ((ObjectNode) resource).deepCopy();
        kept.remove("allocation_info");
        ObjectNode same = find(resourceId(kept));
        if (same != null && same.has("scalar")) { // equal labels: Mesos merges the reservations
            same.putObject("scalar").put("value", Wire.scalar(same.path("scalar").path("value").asDouble()
                    + kept.path("scalar").path("value").asDouble()));
        } else {
            reserved.add(kept);
        }
    }

    void unreserve(JsonNode resource) {
        ObjectNode held = require(resourceId(resource));
        if (held.has("disk") && held.path("disk").has("persistence")) {
            throw new IllegalStateException("unreserving " + resourceId(resource) + " which holds a volume");
        }
        double left = held.path("scalar").path("value").asDouble() - resource.path("scalar").path("value").asDouble();
        if (held.has("scalar") && left > 0.0005) {
            held.putObject("scalar").put("value", Wire.scalar(left));
        } else {
            reserved.remove(held);
        }
        give(resource);
    }

    void create(JsonNode volume) {
        ObjectNode held = require(resourceId(volume));
        held.set("disk", volume.path("disk").deepCopy());
    }

    void destroy(JsonNode volume) {
        ObjectNode held = require(resourceId(volume));
        ((ObjectNode) held.path("disk")).remove(List.of("persistence", "volume"));
        if (held.path("disk").isEmpty()) {
            held.remove("disk");
        }
    }

    /** Takes unreserved resources (a reservation, or an executor's unreserved share). */
    void take(JsonNode resource) {
        adjust(resource, -1);
    }

    /** Gives unreserved resources back. */
    void give(JsonNode resource) {
        adjust(resource, 1);
    }

    /** @return the {@code resource_id} label of the resource's last reservation, or null */
    static String resourceId(JsonNode resource) {
        JsonNode stack = resource.path("reservations");
        if (stack.isEmpty()) {
            return null;
        }
        for (JsonNode label : stack.get(stack.size() - 1).path("labels").path("labels")) {
            if ("resource_id".equals(label.path("key").asText())) {
                return label.path("value").asText();
            }
        }
        return null;
    }

    private void adjust(JsonNode resource, int sign) {
        String name = resource.path("name").asText();
        if (resource.has("scalar")) {
            double now = unreserved.getOrDefault(name, 0.0) + sign * resource.path("scalar").path("value").asDouble();
            if (now < -0.0005) {
                throw new IllegalStateException("agent " + id + " has too little unreserved " + name + " for " + resource);
            }
            unreserved.put(name, now);
        }
        for (JsonNode range : resource.path("ranges").path("range")) {
            for (long p = range.path("begin").asLong(); p <= range.path("end").asLong(); p++) {
                if (sign < 0 && !ports.remove(p)) {
                    throw new IllegalStateException("agent " + id + " has no free port " + p);
                }
                if (sign > 0) {
                    ports.add(p);
                }
            }
        }
    }

    private ObjectNode find(String resourceId) {
        return resourceId == null ? null
                : reserved.stream().filter(r -> resourceId.equals(resourceId(r))).findFirst().orElse(null);
    }

    private ObjectNode require(String resourceId) {
        ObjectNode held = find(resourceId);
        if (held == null) {
            throw new IllegalStateException("agent " + id + " holds no reservation " + resourceId);
        }
        return held;
    }

    private void ranges(ArrayNode out) {
        Iterator<Long> it = ports.iterator();
        long begin = it.next();
        long end = begin;
        while (it.hasNext()) {
            long p = it.next();
            if (p != end + 1) {
                out.addObject().put("begin", begin).put("end", end);
                begin = p;
            }
            end = p;
        }
        out.addObject().put("begin", begin).put("end", end);
    }
}
