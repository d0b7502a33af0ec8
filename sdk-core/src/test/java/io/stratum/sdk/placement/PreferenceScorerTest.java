package io.stratum.sdk.placement;

import static io.stratum.sdk.placement.RuleFixtures.agent;
import static io.stratum.sdk.placement.RuleFixtures.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreferenceScorerTest {

    @Test
    void preferAddsItsWeightOnTheValue() {
        PreferenceScorer scorer = PreferenceScorer.of(List.of(new PlacementPreference.Prefer("@zone", "z1", 3)));

        assertThat(scorer.score("node", agent(1), placed("node"))).isEqualTo(3);
        assertThat(scorer.score("node", agent(2), placed("node"))).isZero();
        assertThat(scorer.maxScore()).isEqualTo(3);
    }

    @Test
    void avoidAddsItsWeightEverywhereElse() {
        PreferenceScorer scorer = PreferenceScorer.of(List.of(new PlacementPreference.Avoid("rack", "r1", 2)));

        assertThat(scorer.score("node", agent(1), placed("node"))).isZero();
        assertThat(scorer.score("node", agent(2), placed("node"))).isEqualTo(2);
        assertThat(scorer.score("node", io.stratum.sdk.resource.Agent.of("a", "h"), placed("node"))).isEqualTo(2);
    }

    @Test
    void spreadFavoursTheValueFurthestBelowItsShare() {
        PreferenceScorer scorer = PreferenceScorer.of(List.of(new PlacementPreference.Spread("@zone", Map.of(), 1)));
        PlacementState twoInZ0 = placed("node", 0, 3);

        assertThat(scorer.score("node", agent(1), twoInZ0)).isGreaterThan(scorer.score("node", agent(0), twoInZ0));
    }

    @Test
    void spreadTargetsSkewTheShares() {
        PreferenceScorer scorer = PreferenceScorer.of(List.of(
                new PlacementPreference.Spread("@zone", Map.of("z0", 80.0, "z1", 20.0), 1)));
        PlacementState oneEach = placed("node", 0, 1);

        assertThat(scorer.score("node", agent(0), oneEach)).isGreaterThan(scorer.score("node", agent(1), oneEach));
        assertThat(scorer.score("node", agent(2), oneEach)).as("z2 has no target share")
                .isLessThan(scorer.score("node", agent(0), oneEach));
        assertThat(scorer.score("node", agent(1), placed("node", 0, 0, 0, 0)))
                .as("z1 is below its 20% share").isGreaterThan(scorer.score("node", agent(0), placed("node", 0, 0, 0, 0)));
    }

    @Test
    void scoresStayWithinZeroAndTheSumOfWeights() {
        PreferenceScorer scorer = PreferenceScorer.of(List.of(new PlacementPreference.Prefer("@zone", "z1", 1.5),
                new PlacementPreference.Spread("@zone", Map.of(), 2.5)));

        for (int i = 0; i < 6; i++) {
            assertThat(scorer.score("node", agent(i), placed("node", 1, 1, 1))).isBetween(0.0, scorer.maxScore());
        }
        assertThat(scorer.maxScore()).isCloseTo(4, within(1e-9));
        assertThat(PreferenceScorer.of(List.of()).isEmpty()).isTrue();
    }
}
