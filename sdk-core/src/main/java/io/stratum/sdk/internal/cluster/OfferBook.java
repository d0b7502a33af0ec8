package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.resource.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The offers out and the rules for the next ones: at most one outstanding offer per agent, decline
 * filters, suppression. An offer ends when it is accepted, declined or rescinded; an id that is not
 * outstanding is stale. A decline filter holds an agent's offers back until its refuse time, until
 * {@link #revive()}, or until resources are {@link #freed} on the agent (as Mesos filters only the
 * declined resources, not new ones). Lost agents are never offered. Not thread-safe: its
 * {@link ClusterCore}'s owner guards it.
 */
public final class OfferBook {

    /** What to do with an agent's offer still out when offers are sent again. */
    public enum Repeat {
        /** Keep it if the agent would offer the same now; rescind and replace it otherwise. */
        KEEP_UNCHANGED,
        /** Always rescind it and send a new one. */
        REPLACE
    }

    /**
     * One round of offers.
     *
     * @param offers    the new offers, one per agent at most, in the agents' order
     * @param rescinded the ids of the offers they replace, rescinded before them
     */
    public record Round(List<Offer> offers, List<String> rescinded) {
        public Round {
            offers = List.copyOf(offers);
            rescinded = List.copyOf(rescinded);
        }
    }

    /**
     * The offers of one accept, taken out of the book.
     *
     * @param ids     the offer ids, without repeats
     * @param agent   their agent, or null when invalid
     * @param offered what they hold together, or null when invalid
     * @param invalid why nothing may be applied, or null
     */
    record Accepted(Set<String> ids, AgentLedger agent, Holdings offered, String invalid) {}

    private final Map<String, AgentLedger> agents;
    private final String idPrefix;
    private final Repeat repeat;
    private final Map<String, Offer> outstanding = new LinkedHashMap<>();
    private final Map<String, String> offerOfAgent = new HashMap<>();
    private final Map<String, Instant> refusedUntil = new HashMap<>();
    private long sequence;
    private boolean suppressed;
    private boolean closed;

    OfferBook(Map<String, AgentLedger> agents, String idPrefix, Repeat repeat) {
        this.agents = agents;
        this.idPrefix = idPrefix;
        this.repeat = repeat;
    }

    /**
     * Offers what each agent can offer now, under new offer ids. Skipped: lost agents, agents under
     * a decline filter, and agents with nothing to offer (their offer still out is rescinded all the
     * same). Nothing while suppressed, unless {@code force}; nothing ever once closed.
     */
    public Round send(Instant now, boolean force) {
        List<Offer> offers = new ArrayList<>();
        List<String> rescinded = new ArrayList<>();
        if (closed || (suppressed && !force)) {
            return new Round(offers, rescinded);
        }
        for (AgentLedger agent : agents.values()) {
            if (agent.isLost() || isRefused(agent.id(), now)) {
                continue;
            }
            List<Resource> resources = agent.offerable();
            String current = offerOfAgent.get(agent.id());
            if (current != null) {
                if (repeat == Repeat.KEEP_UNCHANGED && outstanding.get(current).resources().equals(resources)) {
                    continue;
                }
                take(current);
                rescinded.add(current);
            }
            if (!resources.isEmpty()) {
                Offer offer = new Offer(idPrefix + ++sequence, agent.agent(), resources);
                outstanding.put(offer.id(), offer);
                offerOfAgent.put(agent.id(), offer.id());
                offers.add(offer);
            }
        }
        return new Round(offers, rescinded);
    }

    /** Takes the offers out of the book (the valid ones are used up either way) and says whether they may be used. */
    Accepted take(Collection<String> offerIds) {
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

    /**
     * Ends offers unused; a positive {@code refuseFor} holds their agents' offers back until then.
     * Stale ids are ignored.
     *
     * @return the offers declined
     */
    public List<Offer> decline(Collection<String> offerIds, Duration refuseFor, Instant now) {
        List<Offer> declined = new ArrayList<>();
        for (String id : offerIds) {
            Offer offer = take(id);
            if (offer != null) {
                if (!refuseFor.isNegative() && !refuseFor.isZero()) {
                    refusedUntil.put(offer.agent().id(), now.plus(refuseFor));
                }
                declined.add(offer);
            }
        }
        return declined;
    }

    /** @return the id of the agent's offer, now rescinded, if one was out */
    public Optional<String> rescind(String agentId) {
        String offerId = offerOfAgent.get(agentId);
        if (offerId != null) {
            take(offerId);
        }
        return Optional.ofNullable(offerId);
    }

    /** Resources were freed on the agent: its decline filter no longer holds. */
    public void freed(String agentId) {
        refusedUntil.remove(agentId);
    }

    /** Stops offers until {@link #revive()}. */
    public void suppress() {
        suppressed = true;
    }

    /** Clears the suppression and every decline filter. */
    public void revive() {
        suppressed = false;
        refusedUntil.clear();
    }

    public boolean isSuppressed() {
        return suppressed;
    }

    /** Forgets every offer out without a word, as when the scheduler disconnects. */
    public void clear() {
        outstanding.clear();
        offerOfAgent.clear();
    }

    /** Forgets every offer out and makes none from now on. */
    public void close() {
        closed = true;
        clear();
    }

    /** @return the offers out, oldest first */
    public List<Offer> outstanding() {
        return List.copyOf(outstanding.values());
    }

    private boolean isRefused(String agentId, Instant now) {
        Instant until = refusedUntil.get(agentId);
        if (until != null && !now.isBefore(until)) {
            refusedUntil.remove(agentId);
            return false;
        }
        return until != null;
    }

    private Offer take(String id) {
        Offer offer = outstanding.remove(id);
        if (offer != null) {
            offerOfAgent.remove(offer.agent().id());
        }
        return offer;
    }
}
