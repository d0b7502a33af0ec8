package io.stratum.sdk.internal.offer;

import io.stratum.sdk.placement.PlacementRule;
import io.stratum.sdk.placement.Verdict;

/** Checks the pod's hard placement rules (new instances and replacements only). */
final class PlacementStage {

    private PlacementStage() {}

    /** @return whether the stage passed; on false the attempt holds the reason */
    static boolean run(Attempt a) {
        PlacementRule rule = a.demand.rule;
        String podType = a.demand.pod.name();
        Verdict verdict = rule.evaluate(podType, a.ledger.agent, a.state);
        if (verdict.allows()) {
            return true;
        }
        return a.fail(() -> "placement " + rule.explain(podType, a.ledger.agent, a.state));
    }
}
