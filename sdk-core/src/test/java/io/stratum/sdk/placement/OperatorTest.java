package io.stratum.sdk.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OperatorTest {

    @ParameterizedTest
    @EnumSource(Operator.class)
    void namesMatchInAnyCase(Operator operator) {
        assertThat(Operator.of(operator.name().toLowerCase())).isEqualTo(operator);
        assertThat(Operator.of(operator.name())).isEqualTo(operator);
    }

    @Test
    void mixedCaseNamesMatchToo() {
        assertThat(Operator.of("Max_Per")).isEqualTo(Operator.MAX_PER);
    }

    @Test
    void knowsWhichOperatorsTakeValues() {
        assertThat(Operator.UNIQUE.acceptsValue()).isFalse();
        assertThat(Operator.CLUSTER.acceptsValue()).isTrue();
        assertThat(Operator.CLUSTER.requiresValue()).isFalse();
        assertThat(Operator.GROUP_BY.requiresValue()).isFalse();
        assertThat(Operator.values()).filteredOn(Operator::requiresValue).containsExactly(
                Operator.LIKE, Operator.UNLIKE, Operator.MAX_PER, Operator.IS, Operator.IS_NOT);
    }

    @Test
    void unknownNamesGetASuggestionWhenOneIsClose() {
        assertThatIllegalArgumentException().isThrownBy(() -> Operator.of("UNIQ"))
                .withMessage("unknown operator 'UNIQ' (did you mean 'UNIQUE'?)");
        assertThatIllegalArgumentException().isThrownBy(() -> Operator.of("groupby"))
                .withMessage("unknown operator 'groupby' (did you mean 'GROUP_BY'?)");
        assertThatIllegalArgumentException().isThrownBy(() -> Operator.of("SPREAD"))
                .withMessage("unknown operator 'SPREAD'");
    }

    @Test
    void constraintsRejectValuesTheirOperatorForbids() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlacementConstraint.of(Field.hostname(), Operator.UNIQUE, "x"))
                .withMessage("UNIQUE takes no value, got 'x'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlacementConstraint.of(Field.hostname(), Operator.IS))
                .withMessage("IS needs a value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlacementConstraint.of(Field.hostname(), Operator.CLUSTER, ""))
                .withMessage("CLUSTER value must not be empty");
    }

    @Test
    void constraintsCheckIntegerAndRegexValues() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlacementConstraint.of(Field.hostname(), Operator.MAX_PER, "2147483648"))
                .withMessage("MAX_PER needs a positive integer, got '2147483648'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlacementConstraint.of(Field.zone(), Operator.GROUP_BY, "-1"))
                .withMessage("GROUP_BY needs a positive integer, got '-1'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlacementConstraint.of(Field.attribute("rack"), Operator.UNLIKE, "("))
                .withMessageStartingWith("UNLIKE value '(' is not a valid regular expression: ");
    }

    @Test
    void constraintsAreEqualByFieldOperatorAndValue() {
        assertThat(PlacementConstraint.of(Field.of("@hostname"), Operator.of("max_per"), "2"))
                .isEqualTo(new PlacementConstraint(Field.hostname(), Operator.MAX_PER, Optional.of("2")))
                .hasToString("[\"hostname\",\"MAX_PER\",\"2\"]");
    }
}
