package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;

/**
 * A counting rule about one field: an agent without the field is excluded, one with it is judged
 * by its value. Subclasses say how, and why not.
 */
abstract class FieldRule implements PlacementRule {
    final Field field;
    private final String description;

    FieldRule(Field field, String description) {
        this.field = field;
        this.description = description;
    }

    /** @return the verdict for an agent whose field is {@code value} */
    abstract Verdict evaluate(String podType, String value, PlacementState state);

    /** @return why an agent whose field is {@code value} is not allowed, without the description */
    abstract String explain(String podType, String value, PlacementState state);

    @Override
    public final Verdict evaluate(String podType, Agent agent, PlacementState state) {
        String value = FieldValues.of(agent, field);
        return value == null ? Verdict.EXCLUDE : evaluate(podType, value, state);
    }

    @Override
    public final String explain(String podType, Agent agent, PlacementState state) {
        String value = FieldValues.of(agent, field);
        return description + ": " + (value == null ? FieldValues.missing(agent, field) : explain(podType, value, state));
    }

    @Override
    public final String describe() {
        return description;
    }
}
