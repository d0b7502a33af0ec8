package io.stratum.sdk.placement;

import io.stratum.sdk.internal.text.DidYouMean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a {@link PlacementConstraint} demands of its {@link Field}, with Marathon's meaning.
 *
 * <p>Names are matched case-insensitively on input by {@link #of(String)} and always rendered in
 * upper case. Each operator fixes whether it takes a value and what the value must look like;
 * {@link PlacementConstraint} enforces that when it is built.
 */
public enum Operator {
    /** Every task on a different value of the field. Takes no value. */
    UNIQUE(Arity.NONE, ValueKind.TEXT),
    /** All tasks on the given value, or on one shared value if none is given. */
    CLUSTER(Arity.OPTIONAL, ValueKind.TEXT),
    /** Spread tasks evenly across values; the optional value is the expected number of values. */
    GROUP_BY(Arity.OPTIONAL, ValueKind.POSITIVE_INTEGER),
    /** Only where the field's value fully matches the regular expression. */
    LIKE(Arity.REQUIRED, ValueKind.REGEX),
    /** Only where the field's value does not fully match the regular expression. */
    UNLIKE(Arity.REQUIRED, ValueKind.REGEX),
    /** At most the given positive number of tasks per value of the field. */
    MAX_PER(Arity.REQUIRED, ValueKind.POSITIVE_INTEGER),
    /** Only where the field's value equals the given value. */
    IS(Arity.REQUIRED, ValueKind.TEXT),
    /** Only where the field's value differs from the given value. */
    IS_NOT(Arity.REQUIRED, ValueKind.TEXT);

    private enum Arity { NONE, OPTIONAL, REQUIRED }

    private enum ValueKind { TEXT, POSITIVE_INTEGER, REGEX }

    private static final List<String> NAMES =
            Arrays.stream(values()).map(Operator::name).toList();

    private final Arity arity;
    private final ValueKind valueKind;

    Operator(Arity arity, ValueKind valueKind) {
        this.arity = arity;
        this.valueKind = valueKind;
    }

    /**
     * @param name an operator name in any case, e.g. {@code "unique"} or {@code "MAX_PER"}
     * @return the operator
     * @throws IllegalArgumentException naming the input, with a did-you-mean when one is close
     */
    public static Operator of(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (NAMES.contains(upper)) {
            return valueOf(upper);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty operator");
        }
        throw new IllegalArgumentException(
                "unknown operator '" + name + "'" + DidYouMean.hint(upper, NAMES));
    }

    /** @return whether a value may follow this operator */
    public boolean acceptsValue() {
        return arity != Arity.NONE;
    }

    /** @return whether a value must follow this operator */
    public boolean requiresValue() {
        return arity == Arity.REQUIRED;
    }

    /** @return why {@code value} is wrong for this operator, or empty if it is acceptable */
    Optional<String> problemWith(Optional<String> value) {
        if (value.isEmpty()) {
            return requiresValue() ? Optional.of(this + " needs a value") : Optional.empty();
        }
        String text = value.get();
        if (!acceptsValue()) {
            return Optional.of(this + " takes no value, got '" + text + "'");
        }
        if (text.isEmpty()) {
            return Optional.of(this + " value must not be empty");
        }
        return switch (valueKind) {
            case TEXT -> Optional.empty();
            case POSITIVE_INTEGER -> isPositiveInteger(text)
                    ? Optional.empty()
                    : Optional.of(this + " needs a positive integer, got '" + text + "'");
            case REGEX -> regexProblem(text);
        };
    }

    private static boolean isPositiveInteger(String text) {
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        try {
            return Integer.parseInt(text) > 0;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    private Optional<String> regexProblem(String text) {
        try {
            Pattern.compile(text);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            // getDescription() alone: getMessage() repeats the pattern over several lines.
            return Optional.of(this + " value '" + text
                    + "' is not a valid regular expression: " + e.getDescription());
        }
    }
}
