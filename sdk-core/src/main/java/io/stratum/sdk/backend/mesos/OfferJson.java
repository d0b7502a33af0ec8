package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.AttributeValue;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts a Mesos {@code Offer} into ours: the agent (id, hostname, fault domain, attributes)
 * and the resources we can use under the role the offer was allocated to. A resource allocated
 * to a role other than the one we would use it under (say, unreserved cpus offered to
 * {@code pre/role}, which we would reserve for {@code role}) is left out: reserving it would be
 * refused.
 */
final class OfferJson {
    private final FrameworkSettings framework;
    private final ResourceJson resources;

    OfferJson(FrameworkSettings framework, ResourceJson resources) {
        this.framework = framework;
        this.resources = resources;
    }

    /** An offer as we know it, with the role its resources were allocated to. */
    record Received(Offer offer, String allocationRole) {}

    Received fromJson(JsonNode json) {
        String role = Wire.text(json.path("allocation_info"), "role").orElse(framework.role());
        List<Resource> usable = new ArrayList<>();
        for (JsonNode r : json.path("resources")) {
            Optional<Resource> resource = resources.fromJson(r);
            String allocated = Wire.text(r.path("allocation_info"), "role").orElse(role);
            if (resource.isPresent() && allocated.equals(framework.allocationRole(resource.get()))) {
                usable.add(resource.get());
            }
        }
        String offerId = Wire.idOf(json, "id").orElseThrow(() -> new IllegalArgumentException("offer without an id"));
        return new Received(new Offer(offerId, agent(json), usable), role);
    }

    private static Agent agent(JsonNode json) {
        String agentId = Wire.idOf(json, "agent_id").orElseThrow(() -> new IllegalArgumentException("offer without an agent id"));
        Agent agent = Agent.of(agentId, json.path("hostname").asText(agentId));
        JsonNode domain = json.path("domain").path("fault_domain");
        Optional<String> region = Wire.text(domain.path("region"), "name");
        Optional<String> zone = Wire.text(domain.path("zone"), "name");
        if (region.isPresent() && zone.isPresent()) {
            agent = agent.withFaultDomain(region.get(), zone.get());
        }
        for (JsonNode attribute : json.path("attributes")) {
            Optional<AttributeValue> value = attribute(attribute);
            if (value.isPresent()) {
                agent = agent.withAttribute(attribute.path("name").asText(), value.get());
            }
        }
        return agent;
    }

    private static Optional<AttributeValue> attribute(JsonNode json) {
        if ("TEXT".equals(json.path("type").asText())) {
            return Optional.of(AttributeValue.text(json.path("text").path("value").asText()));
        }
        return ResourceJson.value(json).map(value -> {
            if (value instanceof ResourceValue.Scalar s) {
                return AttributeValue.scalar(s.value());
            }
            return value instanceof ResourceValue.Ranges r ? new AttributeValue.Ranges(r)
                    : new AttributeValue.Items((ResourceValue.Items) value);
        });
    }
}
