package io.stratum.sdk.placement;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A soft placement preference: it ranks offers that satisfy every hard constraint but never
 * blocks placement. A pod's preferences are summed, each scaled by its {@code weight}.
 *
 * <p>Spec syntax (pod field {@code placement-preferences}, a list):
 * <pre>
 * - prefer: {field: "@zone", value: us-east-1a, weight: 2}
 * - avoid: {field: rack, value: r1}
 * - spread: {field: "@zone", targets: {us-east-1a: 50, us-east-1b: 50}}
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PlacementPreference.Prefer.class, name = "prefer"),
    @JsonSubTypes.Type(value = PlacementPreference.Avoid.class, name = "avoid"),
    @JsonSubTypes.Type(value = PlacementPreference.Spread.class, name = "spread")
})
public sealed interface PlacementPreference {

    /** @return how much this preference counts against the others; greater than 0 */
    double weight();

    /** Prefer agents whose {@code field} equals {@code value}. */
    record Prefer(String field, String value, double weight) implements PlacementPreference {
        public Prefer {
            requireValid(field, weight);
            Objects.requireNonNull(value, "value");
        }
    }

    /** Avoid agents whose {@code field} equals {@code value}. */
    record Avoid(String field, String value, double weight) implements PlacementPreference {
        public Avoid {
            requireValid(field, weight);
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Spread the pod's instances over the values of {@code field}; with {@code targets} (value to
     * percentage, summing to 100) aim for those shares instead of an even spread.
     */
    record Spread(String field, Map<String, Double> targets, double weight) implements PlacementPreference {
        public Spread {
            requireValid(field, weight);
            targets = Collections.unmodifiableMap(new LinkedHashMap<>(
                    Objects.requireNonNull(targets, "targets")));
        }
    }

    private static void requireValid(String field, double weight) {
        Objects.requireNonNull(field, "field");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be > 0, got " + weight);
        }
    }
}
