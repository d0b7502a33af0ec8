package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;

/**
 * Places a pod type relative to another one on the same value of a field (by default the same
 * host): avoiding it (excluded once the other pod type is there, as it only arrives) or
 * colocating with it (rejected until the other pod type arrives).
 */
final class PodTypeRule implements PlacementRule {
    private final String other;
    private final Field field;
    private final boolean avoid;

    private PodTypeRule(String other, Field field, boolean avoid) {
        this.other = other;
        this.field = field;
        this.avoid = avoid;
    }

    static PodTypeRule avoid(String other, Field field) {
        return new PodTypeRule(other, field, true);
    }

    static PodTypeRule colocate(String other, Field field) {
        return new PodTypeRule(other, field, false);
    }

    @Override
    public Verdict evaluate(String podType, Agent agent, PlacementState state) {
        String value = FieldValues.of(agent, field);
        boolean present = value != null && state.count(other, field, value) > 0;
        if (avoid) {
            return present ? Verdict.EXCLUDE : Verdict.ALLOW;
        }
        return present ? Verdict.ALLOW : (value == null ? Verdict.EXCLUDE : Verdict.REJECT);
    }

    @Override
    public String explain(String podType, Agent agent, PlacementState state) {
        String value = FieldValues.of(agent, field);
        String where = FieldValues.describe(field) + " " + (value == null ? "(none on " + agent.hostname() + ")" : value);
        return describe() + ": " + where + (avoid ? " has " : " has no ") + "instance of " + other;
    }

    @Override
    public String describe() {
        return (avoid ? "avoid " : "colocate with ") + other
                + (field.kind() == Field.Kind.HOSTNAME ? "" : " by " + FieldValues.describe(field));
    }
}
