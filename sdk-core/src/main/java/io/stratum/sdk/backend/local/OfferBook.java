package io.stratum.sdk.backend.local;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.resource.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The offers made and the rules for the next ones: at most one outstanding offer per agent, decline
 * filters, suppression. A decline filter holds an agent's offers back until it expires, until
 * {@link #revive()}, or until resources are {@link #freed} on the agent (as Mesos filters only the
 * declined resources, not new ones). Not thread-safe: the backend's thread only.
 */
final class OfferBook {
    /** An offer not yet accepted, declined or rescinded. */
    private record Outstanding(String agentId, List<Resource> resources) {}

    private final String prefix = "local-offer-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final Map<String, Outstanding> outstanding = new LinkedHashMap<>();
    private final Map<String, String> offerOfAgent = new HashMap<>();
    private final Map<String, Instant> refusedUntil = new HashMap<>();
    private long sequence;
    private boolean suppressed;
    private boolean closed;

    /**
     * Makes an offer for each agent that may get one: not under a filter, without an outstanding
     * offer of the same resources, with something to offer. An outstanding offer whose resources
     * changed since is rescinded and replaced.
     *
     * @param offerable what each agent would offer now, by agent id
     * @param rescinded where the ids of the offers rescinded go
     * @return the new offers; none while suppressed
     */
    List<Offer> make(Map<LocalAgent, List<Resource>> offerable, Instant now, List<String> rescinded) {
        List<Offer> offers = new ArrayList<>();
        if (suppressed || closed) {
            return offers;
        }
        offerable.forEach((agent, resources) -> {
            Instant until = refusedUntil.get(agent.id());
            if (until != null && now.isBefore(until)) {
                return;
            }
            refusedUntil.remove(agent.id());
            String current = offerOfAgent.get(agent.id());
            if (current != null) {
                if (outstanding.get(current).resources().equals(resources)) {
                    return;
                }
                outstanding.remove(current);
                offerOfAgent.remove(agent.id());
                rescinded.add(current);
            }
            if (!resources.isEmpty()) {
                Offer offer = new Offer(prefix + ++sequence, agent.agent(), resources);
                outstanding.put(offer.id(), new Outstanding(agent.id(), resources));
                offerOfAgent.put(agent.id(), offer.id());
                offers.add(offer);
            }
        });
        return offers;
    }

    /**
     * Uses offers up (an accept).
     *
     * @return their agent's id, if every one is outstanding and all are of one agent; otherwise
     *     empty, and the valid ones are used up all the same
     */
    Optional<String> take(Collection<String> offerIds) {
        List<String> agents = new ArrayList<>();
        boolean valid = !offerIds.isEmpty();
        for (String id : offerIds) {
            Outstanding offer = outstanding.remove(id);
            if (offer == null) {
                valid = false;
            } else {
                offerOfAgent.remove(offer.agentId());
                agents.add(offer.agentId());
            }
        }
        return valid && agents.stream().distinct().count() == 1 ? Optional.of(agents.get(0)) : Optional.empty();
    }

    /** Returns offers unused; their agents get no offer for {@code refuseFor}. Unknown ids are ignored. */
    void decline(Collection<String> offerIds, Duration refuseFor, Instant now) {
        for (String id : offerIds) {
            Outstanding offer = outstanding.remove(id);
            if (offer != null) {
                offerOfAgent.remove(offer.agentId());
                if (!refuseFor.isNegative() && !refuseFor.isZero()) {
                    refusedUntil.put(offer.agentId(), now.plus(refuseFor));
                }
            }
        }
    }

    /** Resources were freed on the agent: its decline filter no longer holds. */
    void freed(String agentId) {
        refusedUntil.remove(agentId);
    }

    void suppress() {
        suppressed = true;
    }

    /** Clears the suppression and every decline filter. */
    void revive() {
        suppressed = false;
        refusedUntil.clear();
    }

    /** Makes no offers from now on and forgets the outstanding ones. */
    void close() {
        closed = true;
        outstanding.clear();
        offerOfAgent.clear();
    }

    boolean isSuppressed() {
        return suppressed;
    }
}
