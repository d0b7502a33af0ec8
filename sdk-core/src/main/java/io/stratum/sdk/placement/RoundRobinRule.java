package io.stratum.sdk.placement;

/**
 * Spreads instances of the pod type evenly over the values of a field ({@code GROUP_BY}): an agent
 * is allowed when its value holds no more instances than the emptiest known value. The emptiest
 * value changes as instances are added, so rejections are never exclusions.
 */
final class RoundRobinRule extends FieldRule {
    private final int expectedValues;

    RoundRobinRule(Field field, int expectedValues, String description) {
        super(field, description);
        if (expectedValues < 0) {
            throw new IllegalArgumentException("expectedValues must be >= 0, got " + expectedValues);
        }
        this.expectedValues = expectedValues;
    }

    @Override
    Verdict evaluate(String podType, String value, PlacementState state) {
        return Verdict.of(state.count(podType, field, value) <= state.minCount(podType, field, expectedValues));
    }

    @Override
    String explain(String podType, String value, PlacementState state) {
        return FieldValues.describe(field) + " " + value + " has " + state.count(podType, field, value)
                + " instances of " + podType + ", another value has only "
                + state.minCount(podType, field, expectedValues);
    }
}
