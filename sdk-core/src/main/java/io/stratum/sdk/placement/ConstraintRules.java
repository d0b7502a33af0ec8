package io.stratum.sdk.placement;

import java.util.regex.Pattern;

/** Turns Marathon constraints into {@link PlacementRule}s described by the constraint's own text. */
final class ConstraintRules {
    private ConstraintRules() {
    }

    static PlacementRule of(PlacementConstraint constraint) {
        Field field = constraint.field();
        String text = constraint.render();
        String value = constraint.value().orElse(null);
        return switch (constraint.operator()) {
            case UNIQUE -> new MaxPerRule(field, 1, text);
            case MAX_PER -> new MaxPerRule(field, Integer.parseInt(value), text);
            case GROUP_BY -> new RoundRobinRule(field, value == null ? 0 : Integer.parseInt(value), text);
            case CLUSTER -> value == null ? new ClusterRule(field, text) : MatchRule.exact(field, value).describedAs(text);
            case IS -> MatchRule.exact(field, value).describedAs(text);
            case IS_NOT -> MatchRule.exact(field, value).negated(text);
            case LIKE -> MatchRule.regex(field, Pattern.compile(value)).describedAs(text);
            case UNLIKE -> MatchRule.regex(field, Pattern.compile(value)).negated(text);
        };
    }
}
