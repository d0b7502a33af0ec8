package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Allows agents by their own value of a field: equal to a value, or fully matching a regular
 * expression, or (negated) not so. It looks only at the agent, so every rejection is an
 * exclusion. An agent without the field fails a plain match and passes a negated one.
 */
final class MatchRule implements PlacementRule {
    private final Field field;
    private final String value;
    private final Pattern pattern;
    private final boolean negated;
    private final String description;

    private MatchRule(Field field, String value, Pattern pattern, boolean negated, String description) {
        this.field = field;
        this.value = value;
        this.pattern = pattern;
        this.negated = negated;
        this.description = description;
    }

    static MatchRule exact(Field field, String value) {
        return new MatchRule(field, Objects.requireNonNull(value, "value"), null, false,
                FieldValues.describe(field) + " is " + value);
    }

    static MatchRule regex(Field field, Pattern pattern) {
        return new MatchRule(field, null, pattern, false,
                FieldValues.describe(field) + " matches " + pattern.pattern());
    }

    /** @return this rule negated and described as {@code description} */
    MatchRule negated(String description) {
        return new MatchRule(field, value, pattern, !negated, description);
    }

    /** @return this rule described as {@code description} */
    MatchRule describedAs(String description) {
        return new MatchRule(field, value, pattern, negated, description);
    }

    @Override
    public Verdict evaluate(String podType, Agent agent, PlacementState state) {
        String actual = FieldValues.of(agent, field);
        boolean matches = actual != null && (pattern == null ? value.equals(actual) : pattern.matcher(actual).matches());
        return matches != negated ? Verdict.ALLOW : Verdict.EXCLUDE;
    }

    @Override
    public String explain(String podType, Agent agent, PlacementState state) {
        String actual = FieldValues.of(agent, field);
        if (actual == null) {
            return description + ": " + FieldValues.missing(agent, field);
        }
        String wanted = pattern == null ? "'" + value + "'" : "pattern '" + pattern.pattern() + "'";
        return description + ": " + FieldValues.describe(field) + " of " + agent.hostname() + " is '" + actual
                + "', which " + (negated ? "matches " : "does not match ") + wanted;
    }

    @Override
    public String describe() {
        return description;
    }
}
