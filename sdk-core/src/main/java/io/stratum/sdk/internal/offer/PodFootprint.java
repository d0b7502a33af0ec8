package io.stratum.sdk.internal.offer;

import io.stratum.sdk.resource.Resource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a pod instance holds on its agent: every resource reserved for it (each with a unique
 * {@code resource_id}) and the persistent volumes created on them. A successful evaluation returns
 * the new footprint; the state store keeps it; a relaunch or config update hands it back so the
 * instance gets exactly these reservations and volumes again, on this agent only.
 *
 * @param agentId   the agent holding the reservations
 * @param resources the reserved resources, with their reservations and volumes
 */
public record PodFootprint(String agentId, List<Resource> resources) {

    /** @throws IllegalArgumentException if a resource is not reserved with a {@code resource_id} */
    public PodFootprint {
        Objects.requireNonNull(agentId, "agentId");
        resources = List.copyOf(resources);
        for (Resource r : resources) {
            if (r.resourceId().isEmpty()) {
                throw new IllegalArgumentException("footprint resource without resource_id: " + r);
            }
        }
    }

    /** @return the {@code resource_id}s of every reservation in the footprint */
    public Set<String> resourceIds() {
        return resources.stream().map(r -> r.resourceId().orElseThrow()).collect(Collectors.toSet());
    }
}
