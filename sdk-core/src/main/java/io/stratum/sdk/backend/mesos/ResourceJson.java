package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Converts between our {@link Resource} and the Mesos {@code Resource} message in the
 * reservation-refinement format (the {@code reservations} stack; never the deprecated
 * {@code role}/{@code reservation} fields).
 *
 * <p>Our resource's pre-reserved role is the bottom of the stack (a STATIC reservation, or any
 * reservation that is not ours); its dynamic {@link Reservation} is a DYNAMIC reservation pushed
 * on top, for {@link FrameworkSettings#refined the refined role} when there is a pre-reserved
 * role. Labels carry our {@code resource_id}. Resources we cannot represent (revocable, shared,
 * from a resource provider, on PATH, BLOCK or RAW disks) are left out of offers.
 */
final class ResourceJson {
    private final FrameworkSettings framework;

    ResourceJson(FrameworkSettings framework) {
        this.framework = framework;
    }

    /** @return {@code resource} as a Mesos resource allocated to {@code allocationRole} */
    ObjectNode toJson(Resource resource, String allocationRole) {
        ObjectNode json = Wire.object().put("name", resource.name());
        value(json, resource.value());
        json.putObject("allocation_info").put("role", allocationRole);
        if (resource.preReservedRole().isPresent() || resource.reservation().isPresent()) {
            ArrayNode stack = json.putArray("reservations");
            resource.preReservedRole().ifPresent(pre -> stack.addObject().put("type", "STATIC").put("role", pre));
            resource.reservation().ifPresent(r -> {
                ObjectNode reservation = stack.addObject().put("type", "DYNAMIC")
                        .put("role", resource.preReservedRole().map(framework::refined).orElse(r.role()))
                        .put("principal", r.principal());
                reservation.set("labels", Wire.labels(r.labels()));
            });
        }
        if (resource.disk().filter(DiskSource::isMount).isPresent() || resource.volume().isPresent()) {
            ObjectNode disk = json.putObject("disk");
            resource.disk().filter(DiskSource::isMount).ifPresent(source -> {
                ObjectNode src = disk.putObject("source").put("type", "MOUNT");
                source.root().ifPresent(root -> src.putObject("mount").put("root", root));
                source.profile().ifPresent(profile -> src.put("profile", profile));
            });
            resource.volume().ifPresent(volume -> {
                disk.putObject("persistence").put("id", volume.persistenceId())
                        .put("principal", resource.reservation().map(Reservation::principal).orElse(framework.principal()));
                disk.putObject("volume").put("mode", "RW").put("container_path", volume.containerPath());
            });
        }
        return json;
    }

    /** @return the Mesos resource as ours, or empty if we cannot represent it */
    Optional<Resource> fromJson(JsonNode json) {
        if (json.has("revocable") || json.has("shared") || json.has("provider_id")) {
            return Optional.empty();
        }
        Optional<ResourceValue> value = value(json);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Resource resource = new Resource(json.path("name").asText(), value.get(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        List<JsonNode> stack = new ArrayList<>();
        json.path("reservations").forEach(stack::add);
        if (!stack.isEmpty()) {
            JsonNode top = stack.get(stack.size() - 1);
            String below = stack.size() > 1 ? stack.get(stack.size() - 2).path("role").asText() : null;
            if (isOurs(top, below)) {
                resource = resource.withReservation(new Reservation(framework.role(),
                        Wire.text(top, "principal").orElse(framework.principal()), Wire.labels(top.path("labels"))));
                if (below != null) {
                    resource = resource.withPreReservedRole(below);
                }
            } else {
                resource = resource.withPreReservedRole(top.path("role").asText());
            }
        }
        return disk(resource, json.path("disk"));
    }

    /** A reservation is ours when it is DYNAMIC, for our role (refining the one below, if any). */
    private boolean isOurs(JsonNode reservation, String below) {
        String role = reservation.path("role").asText();
        return "DYNAMIC".equals(reservation.path("type").asText())
                && role.equals(below == null ? framework.role() : framework.refined(below));
    }

    private static Optional<Resource> disk(Resource resource, JsonNode disk) {
        if (disk.isMissingNode()) {
            return Optional.of(resource);
        }
        JsonNode source = disk.path("source");
        if (!source.isMissingNode()) {
            if (!"MOUNT".equals(source.path("type").asText())) {
                return Optional.empty();
            }
            Optional<String> root = Wire.text(source.path("mount"), "root");
            resource = resource.withDisk(new DiskSource(DiskSource.Type.MOUNT, root, Wire.text(source, "profile")));
        }
        Optional<String> persistence = Wire.text(disk.path("persistence"), "id");
        Optional<String> path = Wire.text(disk.path("volume"), "container_path");
        if (persistence.isPresent() && path.isPresent()) {
            resource = resource.withVolume(new PersistentVolume(persistence.get(), path.get()));
        }
        return Optional.of(resource);
    }

    private static void value(ObjectNode json, ResourceValue value) {
        if (value instanceof ResourceValue.Scalar s) {
            json.put("type", "SCALAR").putObject("scalar").put("value", Wire.scalar(s.value()));
        } else if (value instanceof ResourceValue.Ranges r) {
            ArrayNode ranges = json.put("type", "RANGES").putObject("ranges").putArray("range");
            r.ranges().forEach(range -> ranges.addObject().put("begin", range.begin()).put("end", range.end()));
        } else if (value instanceof ResourceValue.Items i) {
            ArrayNode items = json.put("type", "SET").putObject("set").putArray("item");
            i.items().forEach(items::add);
        }
    }

    /** @return the value of a {@code Resource} or {@code Attribute} message, if it has a known type */
    static Optional<ResourceValue> value(JsonNode json) {
        switch (json.path("type").asText()) {
            case "SCALAR" -> {
                return Optional.of(ResourceValue.scalar(Math.max(0, json.path("scalar").path("value").asDouble())));
            }
            case "RANGES" -> {
                List<Range> ranges = new ArrayList<>();
                json.path("ranges").path("range").forEach(r -> ranges.add(new Range(r.path("begin").asLong(),
                        r.path("end").asLong())));
                return Optional.of(new ResourceValue.Ranges(ranges));
            }
            case "SET" -> {
                TreeSet<String> items = new TreeSet<>();
                json.path("set").path("item").forEach(item -> items.add(item.asText()));
                return Optional.of(new ResourceValue.Items(items));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
