package io.stratum.sdk.placement;

import static io.stratum.sdk.placement.RuleFixtures.agent;
import static io.stratum.sdk.placement.RuleFixtures.placed;
import static io.stratum.sdk.placement.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.resource.Agent;
import org.junit.jupiter.api.Test;

/** Every Marathon operator, evaluated: agents h0..h5, zones z0..z2 (i % 3), racks r0..r5. */
class OperatorRuleTest {
    private final Agent bare = Agent.of("a9", "h9");

    @Test
    void uniqueAllowsOnePerValueAndExcludesTheRest() {
        PlacementRule unique = rule("hostname:UNIQUE");
        PlacementState state = placed("node", 1);

        assertThat(unique.evaluate("node", agent(2), state)).isEqualTo(Verdict.ALLOW);
        assertThat(unique.evaluate("node", agent(1), state)).isEqualTo(Verdict.EXCLUDE);
        assertThat(unique.evaluate("other", agent(1), state)).as("counts only its own pod type").isEqualTo(Verdict.ALLOW);
        assertThat(unique.explain("node", agent(1), state))
                .isEqualTo("[\"hostname\",\"UNIQUE\"]: hostname h1 already has 1 instance of node (at most 1)");
    }

    @Test
    void clusterWithAValueKeepsToIt() {
        PlacementRule cluster = rule("rack:CLUSTER:r2");

        assertThat(cluster.evaluate("node", agent(2), placed("node"))).isEqualTo(Verdict.ALLOW);
        assertThat(cluster.evaluate("node", agent(3), placed("node"))).isEqualTo(Verdict.EXCLUDE);
        assertThat(cluster.explain("node", agent(3), placed("node")))
                .isEqualTo("[\"rack\",\"CLUSTER\",\"r2\"]: attribute rack of h3 is 'r3', which does not match 'r2'");
    }

    @Test
    void clusterWithoutAValueFollowsTheFirstInstance() {
        PlacementRule cluster = rule("@zone:CLUSTER");

        assertThat(cluster.evaluate("node", agent(4), placed("node"))).isEqualTo(Verdict.ALLOW);
        assertThat(cluster.evaluate("node", agent(4), placed("node", 1))).as("z1 like h1").isEqualTo(Verdict.ALLOW);
        assertThat(cluster.evaluate("node", agent(2), placed("node", 1))).isEqualTo(Verdict.EXCLUDE);
        assertThat(cluster.explain("node", agent(2), placed("node", 1)))
                .isEqualTo("[\"@zone\",\"CLUSTER\"]: instances of node are on another zone than z2");
    }

    @Test
    void groupByFillsTheEmptiestKnownValueFirst() {
        PlacementRule groupBy = rule("@zone:GROUP_BY");
        PlacementState state = placed("node", 0, 1);

        assertThat(groupBy.evaluate("node", agent(2), state)).isEqualTo(Verdict.ALLOW);
        assertThat(groupBy.evaluate("node", agent(3), state)).as("z0 already has one").isEqualTo(Verdict.REJECT);
        assertThat(groupBy.evaluate("node", agent(3), placed("node", 0, 1, 2))).isEqualTo(Verdict.ALLOW);
        assertThat(groupBy.explain("node", agent(3), state))
                .isEqualTo("[\"@zone\",\"GROUP_BY\"]: zone z0 has 1 instances of node, another value has only 0");
    }

    @Test
    void groupByWithACountWaitsForThatManyValues() {
        PlacementState oneZoneKnown = PlacementState.of(
                java.util.List.of(new PlacedTask("node", 0, "server", agent(0))), java.util.List.of(agent(0), agent(3)));

        assertThat(rule("@zone:GROUP_BY").evaluate("node", agent(3), oneZoneKnown)).isEqualTo(Verdict.ALLOW);
        assertThat(rule("@zone:GROUP_BY:2").evaluate("node", agent(3), oneZoneKnown)).isEqualTo(Verdict.REJECT);
    }

    @Test
    void likeMatchesTheWholeValue() {
        PlacementRule like = rule("rack:LIKE:r[1-3]");

        assertThat(like.evaluate("node", agent(2), placed("node"))).isEqualTo(Verdict.ALLOW);
        assertThat(like.evaluate("node", agent(4), placed("node"))).isEqualTo(Verdict.EXCLUDE);
        assertThat(rule("rack:LIKE:r").evaluate("node", agent(1), placed("node"))).isEqualTo(Verdict.EXCLUDE);
        assertThat(like.explain("node", bare, placed("node")))
                .isEqualTo("[\"rack\",\"LIKE\",\"r[1-3]\"]: agent h9 has no attribute rack");
    }

    @Test
    void unlikeRejectsMatchesAndAllowsAgentsWithoutTheField() {
        PlacementRule unlike = rule("rack:UNLIKE:r[1-3]");

        assertThat(unlike.evaluate("node", agent(4), placed("node"))).isEqualTo(Verdict.ALLOW);
        assertThat(unlike.evaluate("node", agent(2), placed("node"))).isEqualTo(Verdict.EXCLUDE);
        assertThat(unlike.evaluate("node", bare, placed("node"))).isEqualTo(Verdict.ALLOW);
        assertThat(unlike.explain("node", agent(2), placed("node")))
                .isEqualTo("[\"rack\",\"UNLIKE\",\"r[1-3]\"]: attribute rack of h2 is 'r2', which matches pattern 'r[1-3]'");
    }

    @Test
    void maxPerAllowsUpToTheLimit() {
        PlacementRule maxPer = rule("@zone:MAX_PER:2");

        assertThat(maxPer.evaluate("node", agent(0), placed("node", 3))).isEqualTo(Verdict.ALLOW);
        assertThat(maxPer.evaluate("node", agent(0), placed("node", 3, 0))).isEqualTo(Verdict.EXCLUDE);
        assertThat(maxPer.explain("node", agent(0), placed("node", 3, 0)))
                .isEqualTo("[\"@zone\",\"MAX_PER\",\"2\"]: zone z0 already has 2 instances of node (at most 2)");
    }

    @Test
    void isAndIsNotCompareExactly() {
        assertThat(rule("@region:IS:us-east").evaluate("node", agent(1), placed("node"))).isEqualTo(Verdict.ALLOW);
        assertThat(rule("@region:IS:us").evaluate("node", agent(1), placed("node"))).isEqualTo(Verdict.EXCLUDE);
        assertThat(rule("@region:IS_NOT:us-east").evaluate("node", agent(1), placed("node"))).isEqualTo(Verdict.EXCLUDE);
        assertThat(rule("@region:IS_NOT:us-west").evaluate("node", agent(1), placed("node"))).isEqualTo(Verdict.ALLOW);
        assertThat(rule("@region:IS_NOT:us-west").evaluate("node", bare, placed("node"))).isEqualTo(Verdict.ALLOW);
        assertThat(rule("@region:IS:us-east").evaluate("node", bare, placed("node"))).isEqualTo(Verdict.EXCLUDE);
    }

    @Test
    void countingOperatorsExcludeAgentsWithoutTheField() {
        for (String text : new String[] {"rack:UNIQUE", "rack:MAX_PER:3", "rack:GROUP_BY", "rack:CLUSTER"}) {
            assertThat(rule(text).evaluate("node", bare, placed("node"))).as(text).isEqualTo(Verdict.EXCLUDE);
        }
    }

    @Test
    void everySyntaxGivesTheSameRule() {
        PlacementState state = placed("node", 1);
        for (String text : new String[] {"[[\"hostname\",\"UNIQUE\"]]", "[\"hostname\",\"UNIQUE\"]", "[[[\"hostname\",\"UNIQUE\"]]]",
                "hostname:UNIQUE", "@hostname:unique"}) {
            PlacementRule rule = rule(text);
            assertThat(rule.evaluate("node", agent(1), state)).as(text).isEqualTo(Verdict.EXCLUDE);
            assertThat(rule.evaluate("node", agent(2), state)).as(text).isEqualTo(Verdict.ALLOW);
            assertThat(rule.describe()).isEqualTo("[\"hostname\",\"UNIQUE\"]");
        }
    }

    @Test
    void escapedValuesMatchLiterally() {
        Agent odd = Agent.of("a1", "h1").withAttribute("label", "a,b:c");

        assertThat(rule("label:IS:a\\,b\\:c").evaluate("node", odd, placed("node"))).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void everyConstraintMustHold() {
        PlacementRule both = rule("hostname:UNIQUE,rack:LIKE:r[0-2]");
        PlacementState state = placed("node", 1);

        assertThat(both.evaluate("node", agent(2), state)).isEqualTo(Verdict.ALLOW);
        assertThat(both.evaluate("node", agent(1), state)).isEqualTo(Verdict.EXCLUDE);
        assertThat(both.evaluate("node", agent(4), state)).isEqualTo(Verdict.EXCLUDE);
        assertThat(rule("").evaluate("node", agent(4), state)).isEqualTo(Verdict.ALLOW);
    }
}
