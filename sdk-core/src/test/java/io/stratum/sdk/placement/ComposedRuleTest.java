package io.stratum.sdk.placement;

import static io.stratum.sdk.placement.RuleFixtures.agent;
import static io.stratum.sdk.placement.RuleFixtures.placed;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.resource.Agent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule factories and their composition. */
class ComposedRuleTest {
    private final PlacementState empty = placed("node");

    @Test
    void fieldRulesMatchHostnameZoneRegionAndAttributes() {
        assertThat(PlacementRule.hostname("h[12]").evaluate("node", agent(2), empty)).isEqualTo(Verdict.ALLOW);
        assertThat(PlacementRule.zone("z1").evaluate("node", agent(2), empty)).isEqualTo(Verdict.EXCLUDE);
        assertThat(PlacementRule.region("us-.*").evaluate("node", agent(2), empty)).isEqualTo(Verdict.ALLOW);
        assertThat(PlacementRule.attribute("rack", "r2").evaluate("node", agent(2), empty)).isEqualTo(Verdict.ALLOW);
        assertThat(PlacementRule.equalTo(Field.attribute("rack"), "r[2]").evaluate("node", agent(2), empty))
                .as("equalTo is not a regex").isEqualTo(Verdict.EXCLUDE);
    }

    @Test
    void allOfNeedsEveryRule() {
        PlacementRule rule = PlacementRule.allOf(PlacementRule.zone("z0"), PlacementRule.unique(Field.hostname()));

        assertThat(rule.evaluate("node", agent(3), placed("node", 3))).isEqualTo(Verdict.EXCLUDE);
        assertThat(rule.evaluate("node", agent(0), placed("node", 3))).isEqualTo(Verdict.ALLOW);
        assertThat(rule.explain("node", agent(4), placed("node", 4))).isEqualTo("zone matches z0: zone of h4 is 'z1', "
                + "which does not match pattern 'z0'; unique hostname: hostname h4 already has 1 instance of node (at most 1)");
    }

    @Test
    void allOfRejectsWhenARuleRejectsWithoutExcluding() {
        PlacementRule rule = PlacementRule.allOf(PlacementRule.roundRobin(Field.zone(), 0), PlacementRule.zone("z.*"));

        assertThat(rule.evaluate("node", agent(0), placed("node", 3))).isEqualTo(Verdict.REJECT);
    }

    @Test
    void anyOfNeedsOneRule() {
        PlacementRule rule = PlacementRule.anyOf(PlacementRule.zone("z0"), PlacementRule.hostname("h4"));

        assertThat(rule.evaluate("node", agent(3), empty)).isEqualTo(Verdict.ALLOW);
        assertThat(rule.evaluate("node", agent(4), empty)).isEqualTo(Verdict.ALLOW);
        assertThat(rule.evaluate("node", agent(5), empty)).isEqualTo(Verdict.EXCLUDE);
        assertThat(rule.describe()).isEqualTo("(zone matches z0 or hostname matches h4)");
    }

    @Test
    void notInvertsAndOnlyExcludesForRulesAboutTheAgentItself() {
        assertThat(PlacementRule.not(PlacementRule.zone("z0")).evaluate("node", agent(3), empty)).isEqualTo(Verdict.EXCLUDE);
        assertThat(PlacementRule.not(PlacementRule.zone("z0")).evaluate("node", agent(4), empty)).isEqualTo(Verdict.ALLOW);
        PlacementRule notUnique = PlacementRule.not(PlacementRule.unique(Field.hostname()));
        assertThat(notUnique.evaluate("node", agent(1), empty)).isEqualTo(Verdict.REJECT);
        assertThat(notUnique.evaluate("node", agent(1), placed("node", 1))).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void maxPerAndRoundRobinFactories() {
        assertThat(PlacementRule.maxPer(Field.zone(), 2).evaluate("node", agent(0), placed("node", 0, 3)))
                .isEqualTo(Verdict.EXCLUDE);
        assertThat(PlacementRule.roundRobin(Field.attribute("rack"), 0).evaluate("node", agent(1), placed("node", 0)))
                .isEqualTo(Verdict.ALLOW);
        assertThat(PlacementRule.cluster(Field.zone()).evaluate("node", agent(1), placed("node", 0)))
                .isEqualTo(Verdict.EXCLUDE);
    }

    @Test
    void avoidKeepsOffHostsOfTheOtherPodType() {
        PlacementRule avoid = PlacementRule.avoid("kafka");
        PlacementState state = placed("kafka", 1);

        assertThat(avoid.evaluate("zk", agent(1), state)).isEqualTo(Verdict.EXCLUDE);
        assertThat(avoid.evaluate("zk", agent(2), state)).isEqualTo(Verdict.ALLOW);
        assertThat(avoid.explain("zk", agent(1), state)).isEqualTo("avoid kafka: hostname h1 has instance of kafka");
        assertThat(PlacementRule.avoid("kafka", Field.zone()).evaluate("zk", agent(4), state)).isEqualTo(Verdict.EXCLUDE);
    }

    @Test
    void colocateWaitsForTheOtherPodType() {
        PlacementRule colocate = PlacementRule.colocate("kafka");
        PlacementState state = placed("kafka", 1);

        assertThat(colocate.evaluate("proxy", agent(1), state)).isEqualTo(Verdict.ALLOW);
        assertThat(colocate.evaluate("proxy", agent(2), state)).isEqualTo(Verdict.REJECT);
        assertThat(PlacementRule.colocate("kafka", Field.zone()).evaluate("proxy", agent(4), state)).isEqualTo(Verdict.ALLOW);
        assertThat(colocate.explain("proxy", agent(2), state)).isEqualTo("colocate with kafka: hostname h2 has no instance of kafka");
    }

    @Test
    void customRulesNeedOnlyEvaluate() {
        PlacementRule evenHosts = (podType, agent, state) -> Verdict.of(agent.hostname().hashCode() % 2 == 0);
        Agent agent = Agent.of("a", "h1");

        assertThat(evenHosts.explain("node", agent, empty)).endsWith(": rejects agent h1");
        assertThat(PlacementRule.allOf(List.of(evenHosts))).isSameAs(evenHosts);
        assertThat(PlacementRule.anywhere().evaluate("node", agent, empty)).isEqualTo(Verdict.ALLOW);
        assertThat(PlacementRule.anywhere().describe()).isEqualTo("anywhere");
    }
}
