package io.stratum.sdk.placement;

/**
 * Allows at most {@code max} instances of the pod type per value of a field ({@code UNIQUE} is
 * {@code max} 1). Counts only grow while tasks are added, so a full value is excluded.
 */
final class MaxPerRule extends FieldRule {
    private final int max;

    MaxPerRule(Field field, int max, String description) {
        super(field, description);
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        this.max = max;
    }

    @Override
    Verdict evaluate(String podType, String value, PlacementState state) {
        return state.count(podType, field, value) < max ? Verdict.ALLOW : Verdict.EXCLUDE;
    }

    @Override
    String explain(String podType, String value, PlacementState state) {
        int count = state.count(podType, field, value);
        return FieldValues.describe(field) + " " + value + " already has " + count
                + (count == 1 ? " instance" : " instances") + " of " + podType + " (at most " + max + ")";
    }
}
