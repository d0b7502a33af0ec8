package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;

/**
 * Keeps every instance of the pod type on one value of a field ({@code CLUSTER} without a value):
 * the first instance picks the value, later ones must follow. Once instances exist, the other
 * values are excluded.
 */
final class ClusterRule implements PlacementRule {
    private final Field field;
    private final String description;

    ClusterRule(Field field, String description) {
        this.field = field;
        this.description = description;
    }

    @Override
    public Verdict evaluate(String podType, Agent agent, PlacementState state) {
        String value = FieldValues.of(agent, field);
        if (value == null) {
            return Verdict.EXCLUDE;
        }
        if (state.usedValues(podType, field) == 0 || state.count(podType, field, value) > 0) {
            return Verdict.ALLOW;
        }
        return Verdict.EXCLUDE;
    }

    @Override
    public String explain(String podType, Agent agent, PlacementState state) {
        String value = FieldValues.of(agent, field);
        if (value == null) {
            return description + ": agent " + agent.hostname() + " has no " + FieldValues.describe(field);
        }
        return description + ": instances of " + podType + " are on another " + FieldValues.describe(field)
                + " than " + value;
    }

    @Override
    public String describe() {
        return description;
    }
}
