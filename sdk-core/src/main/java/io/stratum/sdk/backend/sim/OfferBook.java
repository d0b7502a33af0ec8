package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.resource.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outstanding offers by id, at most one per agent, and the declines. An offer ends when it is
 * accepted, declined or rescinded; an id that is not outstanding is stale. Mutable; guarded by the
 * cluster's lock.
 */
final class OfferBook {
    private final Map<String, AgentLedger> agents;
    private final EventQueue events;
    private final Map<String, Offer> offers = new LinkedHashMap<>();
    private final List<Decline> declines = new ArrayList<>();
    private long offerSeq;

    /**
     * The offers of one accept call, taken out of the book.
     *
     * @param ids       the offer ids, without repeats
     * @param agent     their agent, or null when invalid
     * @param resources what they hold together, or null when invalid
     * @param invalid   why nothing may be applied, or null
     */
    record Accepted(Set<String> ids, AgentLedger agent, Holdings resources, String invalid) {
    }

    OfferBook(Map<String, AgentLedger> agents, EventQueue events) {
        this.agents = agents;
        this.events = events;
    }

    /** Offers what each agent can offer now, rescinding its outstanding offer; see {@link SimCluster#sendOffers(boolean)}. */
    List<Offer> send(Instant now) {
        List<Offer> sent = new ArrayList<>();
        for (AgentLedger agent : agents.values()) {
            if (agent.isLost() || agent.isRefused(now)) {
                continue;
            }
            rescind(agent);
            List<Resource> resources = agent.offerable();
            if (!resources.isEmpty()) {
                Offer offer = new Offer("sim-offer-" + ++offerSeq, agent.agent, resources);
                offers.put(offer.id(), offer);
                agent.setOutstandingOffer(offer.id());
                sent.add(offer);
            }
        }
        if (!sent.isEmpty()) {
            events.add(new SimEvent.Offers(List.copyOf(sent)));
        }
        return sent;
    }

    /** Takes the offers out of the book (the valid ones are used up either way) and says whether they may be used. */
    Accepted accept(Collection<String> offerIds) {
        Set<String> ids = new LinkedHashSet<>(offerIds);
        List<Offer> accepted = new ArrayList<>(ids.size());
        List<String> stale = new ArrayList<>();
        for (String id : ids) {
            Offer offer = take(id);
            if (offer == null) {
                stale.add(id);
            } else {
                accepted.add(offer);
            }
        }
        String invalid = !stale.isEmpty() ? "offer no longer valid: " + String.join(",", stale)
                : accepted.isEmpty() ? "no offer accepted"
                : accepted.stream().map(o -> o.agent().id()).distinct().count() > 1 ? "offers from more than one agent"
                : null;
        if (invalid != null) {
            return new Accepted(ids, null, null, invalid);
        }
        List<Resource> resources = new ArrayList<>();
        accepted.forEach(o -> resources.addAll(o.resources()));
        return new Accepted(ids, agents.get(accepted.get(0).agent().id()), Holdings.of(resources), null);
    }

    /** Ends the offers; a positive {@code refuseFor} holds their agents' offers back until then. Stale ids are ignored. */
    void decline(Collection<String> offerIds, Duration refuseFor, Instant now) {
        for (String id : offerIds) {
            Offer offer = take(id);
            if (offer != null) {
                AgentLedger agent = agents.get(offer.agent().id());
                if (!refuseFor.isNegative() && !refuseFor.isZero()) {
                    agent.refuseUntil(now.plus(refuseFor));
                }
                declines.add(new Decline(id, agent.agent.id(), refuseFor, now));
            }
        }
    }

    /** Rescinds the agent's outstanding offer, if any. */
    void rescind(AgentLedger agent) {
        String offerId = agent.outstandingOffer();
        if (offerId != null) {
            take(offerId);
            events.add(new SimEvent.Rescinded(offerId));
        }
    }

    /** Forgets every offer without a word, as when the scheduler disconnects. */
    void clear() {
        offers.clear();
        agents.values().forEach(a -> a.setOutstandingOffer(null));
    }

    List<Offer> outstanding() {
        return List.copyOf(offers.values());
    }

    List<Decline> declines() {
        return List.copyOf(declines);
    }

    private Offer take(String id) {
        Offer offer = offers.remove(id);
        if (offer != null) {
            agents.get(offer.agent().id()).setOutstandingOffer(null);
        }
        return offer;
    }
}
