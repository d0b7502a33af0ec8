package io.stratum.sdk.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import java.util.stream.Stream;

/** Shared constraint factories and failure assertions for the placement tests. */
final class PlacementFixtures {

    private PlacementFixtures() {
    }

    /** @return a constraint built from its spellings, e.g. {@code constraint("rack", "LIKE", "r1")} */
    static PlacementConstraint constraint(String field, String operator, String... value) {
        return new PlacementConstraint(Field.of(field), Operator.of(operator),
                value.length == 0 ? Optional.empty() : Optional.of(value[0]));
    }

    /** @return one valid constraint per operator and value form, covering every operator */
    static Stream<PlacementConstraint> everyOperator() {
        return Stream.of(
                constraint("hostname", "UNIQUE"),
                constraint("rack", "CLUSTER"),
                constraint("rack", "CLUSTER", "rack-1"),
                constraint("@zone", "GROUP_BY"),
                constraint("@zone", "GROUP_BY", "3"),
                constraint("rack_id", "LIKE", "r[1-3]"),
                constraint("rack_id", "UNLIKE", "r[4-9]"),
                constraint("hostname", "MAX_PER", "2"),
                constraint("@region", "IS", "us-east-1"),
                constraint("@region", "IS_NOT", "eu-west-1"));
    }

    static PlacementSpec parse(String text) {
        try {
            return PlacementParser.parse(text);
        } catch (PlacementSyntaxException e) {
            throw new AssertionError("unexpected failure at " + e.offset() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Asserts that {@code text} fails with exactly {@code message} at {@code offset}, and that the
     * reported token is the slice of the input at that offset.
     *
     * @return the exception, for further checks
     */
    static PlacementSyntaxException assertFails(String text, String message, int offset) {
        PlacementSyntaxException e = catchThrowableOfType(
                PlacementSyntaxException.class, () -> PlacementParser.parse(text));
        assertThat(e).as("parsing %s", text).isNotNull();
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.offset()).isEqualTo(offset);
        assertThat(text.substring(offset, offset + e.token().length())).isEqualTo(e.token());
        return e;
    }
}
