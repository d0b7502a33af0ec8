package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * All of some rules, or any of them. All-of allows an agent when every rule does and excludes it
 * when any rule excludes it; any-of allows it when one rule does and excludes it only when every
 * rule excludes it.
 */
final class CompositeRule implements PlacementRule {
    static final CompositeRule ANYWHERE = new CompositeRule(List.of(), true);

    private final PlacementRule[] rules;
    private final boolean all;

    CompositeRule(List<PlacementRule> rules, boolean all) {
        this.rules = rules.toArray(PlacementRule[]::new);
        this.all = all;
    }

    @Override
    public Verdict evaluate(String podType, Agent agent, PlacementState state) {
        // The verdict that decides at once: EXCLUDE for all-of, ALLOW for any-of; otherwise the
        // result is REJECT if any rule rejected, else the default (ALLOW or EXCLUDE).
        Verdict decisive = all ? Verdict.EXCLUDE : Verdict.ALLOW;
        Verdict result = all ? Verdict.ALLOW : Verdict.EXCLUDE;
        for (PlacementRule rule : rules) {
            Verdict verdict = rule.evaluate(podType, agent, state);
            if (verdict == decisive) {
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
        String reasons = Stream.of(rules).filter(r -> !r.evaluate(podType, agent, state).allows())
                .map(r -> r.explain(podType, agent, state)).collect(Collectors.joining("; "));
        return all ? reasons : "none of (" + reasons + ")";
    }

    @Override
    public String describe() {
        if (rules.length == 0) {
            return all ? "anywhere" : "nowhere";
        }
        String joined = Stream.of(rules).map(PlacementRule::describe).collect(Collectors.joining(all ? " and " : " or "));
        return all ? joined : "(" + joined + ")";
    }
}
