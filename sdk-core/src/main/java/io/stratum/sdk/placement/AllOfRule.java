package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;
import java.util.List;
import java.util.stream.Collectors;

/** Allows an agent when every rule does; excludes it when any rule excludes it. */
final class AllOfRule implements PlacementRule {
    static final AllOfRule EMPTY = new AllOfRule(List.of());

    private final PlacementRule[] rules;

    AllOfRule(List<PlacementRule> rules) {
        this.rules = rules.toArray(PlacementRule[]::new);
    }

    @Override
    public Verdict evaluate(String podType, Agent agent, PlacementState state) {
        Verdict result = Verdict.ALLOW;
        for (PlacementRule rule : rules) {
            Verdict verdict = rule.evaluate(podType, agent, state);
            if (verdict == Verdict.EXCLUDE) {
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
        StringBuilder reasons = new StringBuilder();
        for (PlacementRule rule : rules) {
            if (!rule.evaluate(podType, agent, state).allows()) {
                reasons.append(reasons.length() == 0 ? "" : "; ").append(rule.explain(podType, agent, state));
            }
        }
        return reasons.toString();
    }

    @Override
    public String describe() {
        return rules.length == 0 ? "anywhere"
                : java.util.Arrays.stream(rules).map(PlacementRule::describe).collect(Collectors.joining(" and "));
    }
}
