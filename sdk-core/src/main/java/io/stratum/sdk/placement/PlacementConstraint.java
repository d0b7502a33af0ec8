package io.stratum.sdk.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One placement rule: a {@link Field}, an {@link Operator} and, depending on the operator, a value
 * ({@code ["rack","LIKE","r[1-3]"]}).
 *
 * <p>Construction enforces the operator's value rules: {@code UNIQUE} takes none; {@code CLUSTER}
 * and {@code GROUP_BY} take an optional one; {@code LIKE}, {@code UNLIKE}, {@code MAX_PER},
 * {@code IS} and {@code IS_NOT} need one. A present value is never empty; {@code GROUP_BY} and
 * {@code MAX_PER} values are positive integers that fit an {@code int}; {@code LIKE} and
 * {@code UNLIKE} values compile as {@link java.util.regex.Pattern}s (matched against the whole
 * attribute value). Immutable.
 *
 * @param field the agent property constrained
 * @param operator what is demanded of it
 * @param value the operator's argument, if any
 */
public record PlacementConstraint(Field field, Operator operator, Optional<String> value) {

    /** @throws IllegalArgumentException if the value breaks the operator's rules, naming it */
    public PlacementConstraint {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        operator.problemWith(value).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** @return a constraint without a value, e.g. {@code hostname:UNIQUE} */
    public static PlacementConstraint of(Field field, Operator operator) {
        return new PlacementConstraint(field, operator, Optional.empty());
    }

    /** @return a constraint with a value, e.g. {@code rack:LIKE:r[1-3]} */
    public static PlacementConstraint of(Field field, Operator operator, String value) {
        return new PlacementConstraint(field, operator, Optional.of(value));
    }

    /** @return the canonical form, e.g. {@code ["rack","LIKE","r[1-3]"]} */
    public String render() {
        List<String> parts = new ArrayList<>(List.of(field.text(), operator.name()));
        value.ifPresent(parts::add);
        return JsonText.list(parts);
    }

    @Override
    public String toString() {
        return render();
    }
}
