package io.stratum.sdk.internal.offer;

import io.stratum.sdk.placement.PlacementRule;
import java.util.List;
import java.util.Map;

/**
 * The evaluator's configuration, as the {@link OfferEvaluator.Builder} collected it.
 *
 * @param role               the role reservations are made for
 * @param principal          the principal reservations are made by
 * @param ranking            how fitting offers are ranked
 * @param overheadCpus       executor cpus reserved once per pod instance
 * @param overheadMem        executor memory reserved once per pod instance
 * @param overheadDisk       executor disk reserved once per pod instance
 * @param ids                where new ids come from
 * @param rules              extra placement rules, by pod type
 * @param maxExplainedOffers how many offers a failure explains stage by stage
 */
record Settings(String role, String principal, RankingPolicy ranking, double overheadCpus, double overheadMem,
        double overheadDisk, IdGenerator ids, Map<String, List<PlacementRule>> rules, int maxExplainedOffers) {

    boolean hasOverhead() {
        return overheadCpus > 0 || overheadMem > 0 || overheadDisk > 0;
    }
}
