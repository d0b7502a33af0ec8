package io.stratum.sdk.internal.offer;

import io.stratum.sdk.resource.Resource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a pod instance holds on its agent: every resource reserved for it (each with a unique
 * {@code resource_id}) and the persistent volumes created on them. A successful evaluation returns
 * the new footprint; the state store keeps it; a relaunch or config update hands it back so the
 * instance gets exactly these reservations and volumes again, on this agent only.
 *
 * <p>A launch beside tasks of the instance that keep running (a sidecar) cannot find what those
 * tasks hold in an offer: the cluster offers nothing in use. The pod-level volumes among it are
 * named in {@code sharedVolumes}, so the launch shares them instead of creating new ones (the
 * cluster lets tasks of one pod instance share a reservation).
 *
 * @param agentId       the agent holding the reservations
 * @param resources     the reserved resources, with their reservations and volumes, as offered
 * @param sharedVolumes the pod-level volumes running tasks of the instance hold, not offered, by volume name
 */
public record PodFootprint(String agentId, List<Resource> resources, Map<String, SharedVolume> sharedVolumes) {

    /**
     * A pod-level volume in use by running tasks of the instance.
     *
     * @param resourceId    the {@code resource_id} of the disk reservation it is on
     * @param persistenceId the volume's persistence id
     */
    public record SharedVolume(String resourceId, String persistenceId) {
        public SharedVolume {
            Objects.requireNonNull(resourceId, "resourceId");
            Objects.requireNonNull(persistenceId, "persistenceId");
        }
    }

    /** @throws IllegalArgumentException if a resource is not reserved with a {@code resource_id} */
    public PodFootprint {
        Objects.requireNonNull(agentId, "agentId");
        resources = List.copyOf(resources);
        sharedVolumes = Map.copyOf(sharedVolumes);
        for (Resource r : resources) {
            if (r.resourceId().isEmpty()) {
                throw new IllegalArgumentException("footprint resource without resource_id: " + r);
            }
        }
    }

    /** A footprint of offered resources only, nothing shared with running tasks. */
    public PodFootprint(String agentId, List<Resource> resources) {
        this(agentId, resources, Map.of());
    }

    /** @return the {@code resource_id}s of every reservation in the footprint */
    public Set<String> resourceIds() {
        return resources.stream().map(r -> r.resourceId().orElseThrow()).collect(Collectors.toSet());
    }
}
