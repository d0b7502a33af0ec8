package io.stratum.sdk.internal.offer;

import java.util.BitSet;
import java.util.TreeSet;

/**
 * The offers ordered best first for one {@link Demand}: by the ranking policy's score of placing
 * it there, offers it does not fit last (score -infinity). A search walks it from the top and
 * stops at the first allowed offer (or, with preferences, once no later offer can score higher),
 * so placing many instances of one pod costs O(log n) each rather than a scan of every offer.
 * Offers a placement rule {@linkplain io.stratum.sdk.placement.Verdict#EXCLUDE excludes} are
 * dropped for good. A round keeps one index per demand it places more than once, and updates an
 * offer's entry in each index whenever the offer's resources change.
 */
final class CandidateIndex {
    private final Demand demand;
    private final Ledger[] ledgers;
    private final RankingPolicy ranking;
    private final double[] keys;
    private final BitSet excluded = new BitSet();
    private final TreeSet<Integer> order;

    CandidateIndex(Demand demand, Ledger[] ledgers, RankingPolicy ranking) {
        this.demand = demand;
        this.ledgers = ledgers;
        this.ranking = ranking;
        this.keys = new double[ledgers.length];
        this.order = new TreeSet<>((x, y) -> {
            int byKey = Double.compare(keys[y], keys[x]);
            return byKey != 0 ? byKey : Integer.compare(x, y);
        });
        for (int i = 0; i < ledgers.length; i++) {
            keys[i] = demand.key(ledgers[i].pool(demand.role), ranking);
            order.add(i);
        }
    }

    double key(int offer) {
        return keys[offer];
    }

    /** @return the best offer, or -1 if none fits */
    int first() {
        return order.isEmpty() ? -1 : next(order.first());
    }

    /** @return the offer after {@code offer} in rank order, or -1 when no further offer fits */
    int after(int offer) {
        Integer next = order.higher(offer);
        return next == null ? -1 : next(next);
    }

    private int next(int offer) {
        return keys[offer] == Double.NEGATIVE_INFINITY ? -1 : offer;
    }

    /** Drops {@code offer} for good: a placement rule excluded it for this demand's pod type. */
    void exclude(int offer) {
        if (!excluded.get(offer)) {
            excluded.set(offer);
            order.remove(offer);
        }
    }

    /** Re-ranks {@code offer} after its resources changed. */
    void update(int offer) {
        if (!excluded.get(offer)) {
            order.remove(offer);
            keys[offer] = demand.key(ledgers[offer].pool(demand.role), ranking);
            order.add(offer);
        }
    }
}
