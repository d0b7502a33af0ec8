package io.stratum.sdk.placement;

import static io.stratum.sdk.placement.PlacementFixtures.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad brackets, quotes and separators: each names the token and where it is. */
class StructureErrorTest {

    @Test
    void unclosedOuterListPointsAtItsBracket() {
        assertFails("[[\"hostname\",\"UNIQUE\"]", "missing ']' to close '[' at column 1", 0);
    }

    @Test
    void unclosedInnerListPointsAtItsBracketAfterLeadingWhitespace() {
        assertFails("  [[\"hostname\",\"UNIQUE\"", "missing ']' to close '[' at column 4", 3);
    }

    @Test
    void trailingCommaBeforeCloseIsAnUnexpectedBracket() {
        assertFails("[[\"hostname\",\"UNIQUE\"],]", "unexpected ']' at column 24", 23);
    }

    @Test
    void textAfterTheOuterListIsUnexpected() {
        assertFails("[[\"hostname\",\"UNIQUE\"]] x", "unexpected 'x' at column 25", 24);
    }

    @Test
    void unterminatedStringReportsWhereItStartsAndCarriesTheRestAsToken() {
        PlacementSyntaxException e = assertFails(
                "[[\"hostname\", 'UNIQUE]]", "unterminated string starting at column 15", 14);
        assertThat(e.token()).isEqualTo("'UNIQUE]]");
    }

    @Test
    void escapedQuoteDoesNotCloseTheString() {
        assertFails("[[\"rack\",\"IS\",\"a\\\"]]", "unterminated string starting at column 15", 14);
    }

    @Test
    void unquotedWordsAreRejectedWithAHint() {
        assertFails("[[hostname, \"UNIQUE\"]]", "unquoted word 'hostname' at column 3 (put it in quotes)", 2);
    }

    @Test
    void missingCommaBetweenStrings() {
        PlacementSyntaxException e = assertFails("[[\"hostname\" \"UNIQUE\"]]",
                "unexpected string \"UNIQUE\" at column 14 (expected ',' or ']')", 13);
        assertThat(e.token()).isEqualTo("\"UNIQUE\"");
    }

    @Test
    void doubleCommaIsAnUnexpectedComma() {
        assertFails("[[\"hostname\",,\"UNIQUE\"]]", "unexpected ',' at column 14", 13);
    }

    @Test
    void listOfListsCannotContainAString() {
        assertFails("[[\"hostname\",\"UNIQUE\"], \"rack\"]",
                "unexpected string \"rack\" at column 25 (expected a list)", 24);
    }

    @Test
    void constraintCannotContainAList() {
        assertFails("[\"rack\", [\"IS\", \"a\"]]", "unexpected '[' at column 10 (expected a string)", 9);
    }

    @Test
    void emptyNestedListIsAnEmptyConstraint() {
        PlacementSyntaxException e = assertFails("[[\"hostname\",\"UNIQUE\"], [ ]]",
                "constraint needs a field and an operator, got []", 24);
        assertThat(e.token()).isEqualTo("[ ]");
    }

    @Test
    void emptyConstraintBetweenCommas() {
        assertFails("hostname:UNIQUE,,rack:IS:a", "empty constraint at column 17", 16);
    }

    @Test
    void trailingCommaLeavesAnEmptyConstraint() {
        PlacementSyntaxException e = assertFails("hostname:UNIQUE, ", "empty constraint at column 17", 16);
        assertThat(e.token()).isEmpty();
    }

    @Test
    void unescapedColonInAValue() {
        assertFails("rack:LIKE:a:b", "unexpected ':' at column 12 (escape it as '\\:' inside a value)", 11);
    }
}
