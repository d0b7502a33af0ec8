package io.stratum.sdk.placement;

import static io.stratum.sdk.placement.PlacementFixtures.constraint;
import static io.stratum.sdk.placement.PlacementFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonSyntaxTest {

    static Stream<PlacementConstraint> everyOperator() {
        return PlacementFixtures.everyOperator();
    }

    private static String parts(PlacementConstraint c, char quote, boolean lowerCase) {
        String op = lowerCase ? c.operator().name().toLowerCase() : c.operator().name();
        String q = String.valueOf(quote);
        return "[ " + q + c.field().text() + q + " , " + q + op + q
                + c.value().map(v -> ", " + q + v + q).orElse("") + " ]";
    }

    @ParameterizedTest
    @MethodSource("everyOperator")
    void readsEveryOperatorInADoubleQuotedListOfLists(PlacementConstraint expected) {
        assertThat(parse("[" + parts(expected, '"', false) + "]").constraints())
                .containsExactly(expected);
    }

    @ParameterizedTest
    @MethodSource("everyOperator")
    void readsEveryOperatorSingleQuotedAndInLowerCase(PlacementConstraint expected) {
        assertThat(parse("[" + parts(expected, '\'', true) + "]").constraints())
                .containsExactly(expected);
    }

    @ParameterizedTest
    @MethodSource("everyOperator")
    void readsEveryOperatorAsASingleFlatList(PlacementConstraint expected) {
        assertThat(parse(parts(expected, '"', false)).constraints()).containsExactly(expected);
    }

    @Test
    void keepsConstraintsInInputOrderAcrossWhitespaceAndNewlines() {
        String text = "\n  [ [\"hostname\",\"UNIQUE\"] ,\n\t[ 'rack' ,\"LIKE\", \"r[1-3]\" ] ]  \n";
        assertThat(parse(text).constraints()).containsExactly(
                constraint("hostname", "UNIQUE"),
                constraint("rack", "LIKE", "r[1-3]"));
    }

    @Test
    void flattensNestedListsOfAnyDepthWhoseInnermostListsAreConstraints() {
        String text = "[[[\"hostname\",\"UNIQUE\"]], [[[\"rack\",\"IS\",\"a\"]], [\"rack\",\"MAX_PER\",\"2\"]]]";
        assertThat(parse(text).constraints()).containsExactly(
                constraint("hostname", "UNIQUE"),
                constraint("rack", "IS", "a"),
                constraint("rack", "MAX_PER", "2"));
    }

    @Test
    void acceptsBareNumbersAsValues() {
        assertThat(parse("[[\"hostname\", \"MAX_PER\", 2], [\"@zone\", \"GROUP_BY\", 3]]").constraints())
                .containsExactly(constraint("hostname", "MAX_PER", "2"), constraint("@zone", "GROUP_BY", "3"));
    }

    @Test
    void decodesQuoteAndBackslashEscapesButKeepsRegexBackslashes() {
        assertThat(parse("[[\"rack\", \"IS\", \"a\\\"b\\'c\\\\d\"]]").constraints())
                .containsExactly(constraint("rack", "IS", "a\"b'c\\d"));
        assertThat(parse("[[\"rack\", \"LIKE\", \"r\\d+\"]]").constraints())
                .containsExactly(constraint("rack", "LIKE", "r\\d+"));
    }

    @Test
    void letsEachQuoteStyleContainTheOtherUnescaped() {
        assertThat(parse("[['rack', 'IS', 'say \"hi\"'], [\"rack\", \"IS_NOT\", \"it's\"]]").constraints())
                .containsExactly(constraint("rack", "IS", "say \"hi\""), constraint("rack", "IS_NOT", "it's"));
    }

    @Test
    void keepsCommasColonsAndBracketsInsideQuotedValues() {
        assertThat(parse("[[\"rack\", \"LIKE\", \"r[,:]\\\\]\"]]").constraints())
                .containsExactly(constraint("rack", "LIKE", "r[,:]\\]"));
    }
}
