package io.stratum.sdk.placement;

/**
 * Keeps every instance of the pod type on one value of a field ({@code CLUSTER} without a value):
 * the first instance picks the value, later ones must follow. Once instances exist, the other
 * values are excluded.
 */
final class ClusterRule extends FieldRule {

    ClusterRule(Field field, String description) {
        super(field, description);
    }

    @Override
    Verdict evaluate(String podType, String value, PlacementState state) {
        boolean allowed = state.usedValues(podType, field) == 0 || state.count(podType, field, value) > 0;
        return allowed ? Verdict.ALLOW : Verdict.EXCLUDE;
    }

    @Override
    String explain(String podType, String value, PlacementState state) {
        return "instances of " + podType + " are on another " + FieldValues.describe(field) + " than " + value;
    }
}
