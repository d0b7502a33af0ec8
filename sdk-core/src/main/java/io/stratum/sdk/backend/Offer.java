package io.stratum.sdk.backend;

import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Resource;
import java.util.List;
import java.util.Objects;

/**
 * Resources one agent offers the scheduler for a while: unreserved, pre-reserved and already
 * reserved ones mixed, as the cluster manager sent them (each backend converts its own format).
 * Immutable.
 *
 * @param id        the offer's id; not blank
 * @param agent     the agent: id, hostname, zone, region, attributes
 * @param resources the offered resources
 */
public record Offer(String id, Agent agent, List<Resource> resources) {

    /** @throws IllegalArgumentException if the id is blank */
    public Offer {
        if (Objects.requireNonNull(id, "id").isBlank()) {
            throw new IllegalArgumentException("offer id must not be blank");
        }
        Objects.requireNonNull(agent, "agent");
        resources = List.copyOf(resources);
    }

    /** @return an offer of {@code resources} from {@code agent} */
    public static Offer of(String id, Agent agent, Resource... resources) {
        return new Offer(id, agent, List.of(resources));
    }

    /** @return {@code offer <id> on host <hostname>}, as failure reasons name an offer */
    public String describe() {
        return "offer " + id + " on host " + agent.hostname();
    }
}
