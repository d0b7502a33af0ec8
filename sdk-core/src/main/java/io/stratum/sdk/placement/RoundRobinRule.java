package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;

/**
 * Spreads instances of the pod type evenly over the values of a field ({@code GROUP_BY}): an agent
 * is allowed when its value holds no more instances than the emptiest known value. The emptiest
 * value changes as instances are added, so rejections are never exclusions, except for agents
 * without the field.
 */
final class RoundRobinRule implements PlacementRule {
    private final Field field;
    private final int expectedValues;
    private final String description;

    RoundRobinRule(Field field, int expectedValues, String description) {
        if (expectedValues < 0) {
            throw new IllegalArgumentException("expectedValues must be >= 0, got " + expectedValues);
        }
        this.field = field;
        this.expectedValues = expectedValues;
        this.description = description;
    }

    @Override
    public Verdict evaluate(String podType, Agent agent, PlacementState state) {
        String value = FieldValues.of(agent, field);
        if (value == null) {
            return Verdict.EXCLUDE;
        }
        return Verdict.of(state.count(podType, field, value) <= state.minCount(podType, field, expectedValues));
    }

    @Override
    public String explain(String podType, Agent agent, PlacementState state) {
        String value = FieldValues.of(agent, field);
        if (value == null) {
            return description + ": agent " + agent.hostname() + " has no " + FieldValues.describe(field);
        }
        return description + ": " + FieldValues.describe(field) + " " + value + " has "
                + state.count(podType, field, value) + " instances of " + podType + ", another value has only "
                + state.minCount(podType, field, expectedValues);
    }

    @Override
    public String describe() {
        return description;
    }
}
