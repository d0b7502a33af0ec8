package io.stratum.sdk.internal.offer;

import io.stratum.sdk.placement.PlacementRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluator's configuration, as the {@link OfferEvaluator.Builder} collected it (see its
 * {@code with*} methods for what each means). Immutable.
 */
final class Settings {
    private final String role;
    private final String principal;
    private final RankingPolicy ranking;
    private final double overheadCpus;
    private final double overheadMem;
    private final double overheadDisk;
    private final IdGenerator ids;
    private final Map<String, List<PlacementRule>> rules;
    private final int maxExplainedOffers;

    Settings(OfferEvaluator.Builder builder) {
        this.role = builder.role;
        this.principal = builder.principal;
        this.ranking = builder.ranking;
        this.overheadCpus = builder.overheadCpus;
        this.overheadMem = builder.overheadMem;
        this.overheadDisk = builder.overheadDisk;
        this.ids = builder.ids;
        Map<String, List<PlacementRule>> copy = new HashMap<>();
        builder.rules.forEach((podType, list) -> copy.put(podType, List.copyOf(list)));
        this.rules = Map.copyOf(copy);
        this.maxExplainedOffers = builder.maxExplainedOffers;
    }

    /** @return the role reservations are made for */
    String role() {
        return role;
    }

    /** @return the principal reservations are made by */
    String principal() {
        return principal;
    }

    /** @return how fitting offers are ranked */
    RankingPolicy ranking() {
        return ranking;
    }

    /** @return executor cpus reserved once per pod instance */
    double overheadCpus() {
        return overheadCpus;
    }

    /** @return executor memory (MB) reserved once per pod instance */
    double overheadMem() {
        return overheadMem;
    }

    /** @return executor disk (MB) reserved once per pod instance */
    double overheadDisk() {
        return overheadDisk;
    }

    /** @return where new task, reservation and volume ids come from */
    IdGenerator ids() {
        return ids;
    }

    /** @return extra placement rules, by pod type */
    Map<String, List<PlacementRule>> rules() {
        return rules;
    }

    /** @return how many offers a failure explains stage by stage */
    int maxExplainedOffers() {
        return maxExplainedOffers;
    }
}
