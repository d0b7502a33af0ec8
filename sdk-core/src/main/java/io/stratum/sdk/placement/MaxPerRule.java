package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;

/**
 * Allows at most {@code max} instances of the pod type per value of a field ({@code UNIQUE} is
 * {@code max} 1). Counts only grow while tasks are added, so a full value is excluded. An agent
 * without the field is excluded too.
 */
final class MaxPerRule implements PlacementRule {
    private final Field field;
    private final int max;
    private final String description;

    MaxPerRule(Field field, int max, String description) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        this.field = field;
        this.max = max;
        this.description = description;
    }

    @Override
    public Verdict evaluate(String podType, Agent agent, PlacementState state) {
        String value = FieldValues.of(agent, field);
        if (value == null) {
            return Verdict.EXCLUDE;
        }
        return state.count(podType, field, value) < max ? Verdict.ALLOW : Verdict.EXCLUDE;
    }

    @Override
    public String explain(String podType, Agent agent, PlacementState state) {
        String value = FieldValues.of(agent, field);
        if (value == null) {
            return description + ": agent " + agent.hostname() + " has no " + FieldValues.describe(field);
        }
        int count = state.count(podType, field, value);
        return description + ": " + FieldValues.describe(field) + " " + value + " already has " + count
                + (count == 1 ? " instance" : " instances") + " of " + podType + " (at most " + max + ")";
    }

    @Override
    public String describe() {
        return description;
    }
}
