package io.stratum.sdk.internal.offer;

import io.stratum.sdk.placement.PlacementRule;
import java.util.List;
import java.util.Map;

/**
 * The evaluator's configuration, as the {@link OfferEvaluator.Builder} collected it.
 *
 * @param identity           whom reservations are made for and by, and where new ids come from
 * @param overhead           the executor's resources, reserved once per pod instance
 * @param ranking            how fitting offers are ranked
 * @param rules              extra placement rules, by pod type
 * @param maxExplainedOffers how many offers a failure explains stage by stage
 */
record Settings(Identity identity, Overhead overhead, RankingPolicy ranking, Map<String, List<PlacementRule>> rules,
        int maxExplainedOffers) {

    /**
     * @param role      the role reservations are made for
     * @param principal the principal reservations are made by
     * @param ids       where new task, reservation and volume ids come from
     */
    record Identity(String role, String principal, IdGenerator ids) {}

    /**
     * @param cpus executor cpus
     * @param mem  executor memory, MB
     * @param disk executor disk, MB
     */
    record Overhead(double cpus, double mem, double disk) {}
}
