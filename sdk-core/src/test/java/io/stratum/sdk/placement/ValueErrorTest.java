package io.stratum.sdk.placement;

import static io.stratum.sdk.placement.PlacementFixtures.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad fields, operators and values: each names the token and locates it. */
class ValueErrorTest {

    @Test
    void misspeltOperatorGetsASuggestion() {
        assertFails("[[\"hostname\",\"UNIQ\"]]", "unknown operator 'UNIQ' (did you mean 'UNIQUE'?)", 13);
        assertFails("hostname:uniq", "unknown operator 'uniq' (did you mean 'UNIQUE'?)", 9);
    }

    @Test
    void maxPerNeedsAPositiveInteger() {
        assertFails("rack:MAX_PER:x", "MAX_PER needs a positive integer, got 'x'", 13);
        assertFails("[[\"rack\",\"MAX_PER\",\"0\"]]", "MAX_PER needs a positive integer, got '0'", 19);
        assertFails("[['rack', 'MAX_PER', ' 2']]", "MAX_PER needs a positive integer, got ' 2'", 21);
    }

    @Test
    void groupByValueMustBeAPositiveInteger() {
        assertFails("[\"@zone\", \"GROUP_BY\", \"two\"]", "GROUP_BY needs a positive integer, got 'two'", 22);
    }

    @Test
    void likeValueMustCompile() {
        PlacementSyntaxException e = assertFails("rack:LIKE:r[1-",
                "LIKE value 'r[1-' is not a valid regular expression: Illegal character range", 10);
        assertThat(e.token()).isEqualTo("r[1-");
    }

    @Test
    void unlikeValueMustCompile() {
        assertFails("[[\"rack\",\"UNLIKE\",\"(\"]]",
                "UNLIKE value '(' is not a valid regular expression: Unclosed group", 18);
    }

    @Test
    void uniqueTakesNoValue() {
        assertFails("hostname:UNIQUE:foo", "UNIQUE takes no value, got 'foo'", 16);
    }

    @Test
    void requiredValueMissingQuotesTheConstraint() {
        PlacementSyntaxException e = assertFails(
                "[[\"rack\",\"LIKE\"]]", "LIKE needs a value, got [\"rack\",\"LIKE\"]", 1);
        assertThat(e.token()).isEqualTo("[\"rack\",\"LIKE\"]");
        assertFails("hostname:UNIQUE, rack:is_not", "IS_NOT needs a value, got [\"rack\",\"is_not\"]", 17);
    }

    @Test
    void constraintNeedsAFieldAndAnOperator() {
        assertFails("[[\"hostname\"]]", "constraint needs a field and an operator, got [\"hostname\"]", 1);
        assertFails("hostname", "constraint needs a field and an operator, got [\"hostname\"]", 0);
    }

    @Test
    void constraintTakesAtMostThreeParts() {
        assertFails("[[\"rack\",\"IS\",\"a\",\"b\"]]",
                "constraint takes at most a field, an operator and a value, got extra 'b'", 18);
    }

    @Test
    void unknownAtFieldGetsASuggestion() {
        assertFails("[[\"@zon\",\"UNIQUE\"]]", "unknown field '@zon' (did you mean '@zone'?)", 2);
    }

    @Test
    void attributeNameMustBeValid() {
        assertFails(" ra ck : UNIQUE",
                "invalid attribute name 'ra ck' (use letters, digits, '_', '-', '.' or '/')", 1);
    }

    @Test
    void emptyPartsAreLocatedWhereTheyWouldBe() {
        assertFails(":UNIQUE", "empty field name", 0);
        assertFails("hostname:", "empty operator", 9);
        assertFails("rack:CLUSTER:", "CLUSTER value must not be empty", 13);
    }

    @Test
    void reportsTheFirstBadConstraintInInputOrder() {
        assertFails("hostname:UNIQUE,rack:MAX_PER:-1,rack:FOO", "MAX_PER needs a positive integer, got '-1'", 29);
    }
}
