package io.stratum.sdk.placement;

import static io.stratum.sdk.placement.PlacementFixtures.constraint;
import static io.stratum.sdk.placement.PlacementFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommaSyntaxTest {

    static Stream<PlacementConstraint> everyOperator() {
        return PlacementFixtures.everyOperator();
    }

    private static String colonSeparated(PlacementConstraint c, boolean lowerCase) {
        String op = lowerCase ? c.operator().name().toLowerCase() : c.operator().name();
        return c.field().text() + ":" + op + c.value().map(v -> ":" + v).orElse("");
    }

    @ParameterizedTest
    @MethodSource("everyOperator")
    void readsEveryOperator(PlacementConstraint expected) {
        assertThat(parse(colonSeparated(expected, false)).constraints()).containsExactly(expected);
    }

    @ParameterizedTest
    @MethodSource("everyOperator")
    void readsEveryOperatorInLowerCase(PlacementConstraint expected) {
        assertThat(parse(colonSeparated(expected, true)).constraints()).containsExactly(expected);
    }

    @Test
    void readsEveryOperatorInOneCommaSeparatedList() {
        String text = String.join(",",
                everyOperator().map(c -> colonSeparated(c, false)).toList());
        assertThat(parse(text).constraints()).containsExactlyElementsOf(everyOperator().toList());
    }

    @Test
    void ignoresWhitespaceAroundPartsAndConstraints() {
        assertThat(parse("  hostname : UNIQUE ,\track:LIKE: r[1-3] \n").constraints())
                .containsExactly(constraint("hostname", "UNIQUE"), constraint("rack", "LIKE", "r[1-3]"));
    }

    @Test
    void escapedCommaAndColonStayInsideTheValue() {
        assertThat(parse("rack:LIKE:r\\,[0-9],rack:IS:a\\:b").constraints())
                .containsExactly(constraint("rack", "LIKE", "r,[0-9]"), constraint("rack", "IS", "a:b"));
    }

    @Test
    void escapedBackslashIsOneBackslashAndDoesNotEscapeTheNextSeparator() {
        assertThat(parse("rack:IS:a\\\\,hostname:UNIQUE").constraints())
                .containsExactly(constraint("rack", "IS", "a\\"), constraint("hostname", "UNIQUE"));
    }

    @Test
    void keepsOtherBackslashesSoRegexesNeedNoDoubling() {
        assertThat(parse("rack:LIKE:r\\d+\\.x").constraints())
                .containsExactly(constraint("rack", "LIKE", "r\\d+\\.x"));
    }

    @Test
    void keepsEscapedTrailingWhitespaceInTheValue() {
        assertThat(parse("rack:IS:a\\ ").constraints()).containsExactly(constraint("rack", "IS", "a\\ "));
    }

    @Test
    void readsQuotesAndBracketsInValuesLiterally() {
        assertThat(parse("rack:IS:\"a\",rack:LIKE:[ab]").constraints())
                .containsExactly(constraint("rack", "IS", "\"a\""), constraint("rack", "LIKE", "[ab]"));
    }
}
