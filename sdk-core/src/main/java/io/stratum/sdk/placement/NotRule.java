package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;

/**
 * Allows exactly the agents the inner rule does not. Its rejections are never exclusions unless
 * the inner rule only looks at the agent itself: a counting rule that allows an agent now may
 * reject it later, which would make this rule allow it.
 */
final class NotRule implements PlacementRule {
    private final PlacementRule rule;

    NotRule(PlacementRule rule) {
        this.rule = rule;
    }

    @Override
    public Verdict evaluate(String podType, Agent agent, PlacementState state) {
        if (!rule.evaluate(podType, agent, state).allows()) {
            return Verdict.ALLOW;
        }
        return rule instanceof MatchRule ? Verdict.EXCLUDE : Verdict.REJECT;
    }

    @Override
    public String explain(String podType, Agent agent, PlacementState state) {
        return describe() + ": agent " + agent.hostname() + " is allowed by " + rule.describe();
    }

    @Override
    public String describe() {
        return "not " + rule.describe();
    }
}
