package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;
import java.util.List;
import java.util.stream.Collectors;

/** Allows an agent when at least one rule does; excludes it only when every rule excludes it. */
final class AnyOfRule implements PlacementRule {
    private final List<PlacementRule> rules;

    AnyOfRule(List<PlacementRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public Verdict evaluate(String podType, Agent agent, PlacementState state) {
        Verdict result = Verdict.EXCLUDE;
        for (PlacementRule rule : rules) {
            Verdict verdict = rule.evaluate(podType, agent, state);
            if (verdict == Verdict.ALLOW) {
                return verdict;
            }
            if (verdict == Verdict.REJECT) {
                result = verdict;
            }
        }
        return result;
    }

    @Override
    public String explain(String podType, Agent agent, PlacementState state) {
        return "none of (" + rules.stream().map(r -> r.explain(podType, agent, state))
                .collect(Collectors.joining("; ")) + ")";
    }

    @Override
    public String describe() {
        return "(" + rules.stream().map(PlacementRule::describe).collect(Collectors.joining(" or ")) + ")";
    }
}
