package io.stratum.sdk.placement;

import static io.stratum.sdk.placement.RuleFixtures.agent;
import static io.stratum.sdk.placement.RuleFixtures.knownAgents;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementStateTest {

    @Test
    void countsPodInstancesNotTasks() {
        PlacementState state = PlacementState.of(List.of(new PlacedTask("node", 0, "server", agent(1)),
                new PlacedTask("node", 0, "sidecar", agent(1)), new PlacedTask("node", 1, "server", agent(4))), List.of());

        assertThat(state.count("node", Field.hostname(), "h1")).isEqualTo(1);
        assertThat(state.count("node", Field.zone(), "z1")).isEqualTo(2);
        assertThat(state.instances("node")).isEqualTo(2);
        assertThat(state.agentOf("node", 1)).contains(agent(4));
    }

    @Test
    void countersFollowAddsAndRemovesAfterFirstUse() {
        PlacementState state = PlacementState.of(List.of(), knownAgents(3));
        assertThat(state.count("node", Field.zone(), "z1")).isZero();
        long before = state.version();

        state.add(new PlacedTask("node", 0, "server", agent(1)));
        state.add(new PlacedTask("node", 1, "server", agent(4)));
        assertThat(state.count("node", Field.zone(), "z1")).isEqualTo(2);
        assertThat(state.version()).isNotEqualTo(before);

        state.remove("node", 0);
        assertThat(state.count("node", Field.zone(), "z1")).isEqualTo(1);
        assertThat(state.agentOf("node", 0)).isEmpty();
    }

    @Test
    void movingAnInstanceMovesItsCount() {
        PlacementState state = PlacementState.of(List.of(new PlacedTask("node", 0, "server", agent(1))), List.of());
        assertThat(state.count("node", Field.hostname(), "h1")).isEqualTo(1);

        state.add(new PlacedTask("node", 0, "server", agent(2)));

        assertThat(state.count("node", Field.hostname(), "h1")).isZero();
        assertThat(state.count("node", Field.hostname(), "h2")).isEqualTo(1);
    }

    @Test
    void minCountCoversKnownValuesWithNoInstances() {
        PlacementState state = PlacementState.of(List.of(new PlacedTask("node", 0, "server", agent(0)),
                new PlacedTask("node", 1, "server", agent(1))), knownAgents(3));

        assertThat(state.minCount("node", Field.zone(), 0)).isZero();
        assertThat(state.knownValues("node", Field.zone())).isEqualTo(3);
        assertThat(state.usedValues("node", Field.zone())).isEqualTo(2);
        state.add(new PlacedTask("node", 2, "server", agent(2)));
        assertThat(state.minCount("node", Field.zone(), 0)).isEqualTo(1);
        assertThat(state.minCount("node", Field.zone(), 4)).as("a fourth zone is expected but unseen").isZero();
    }

    @Test
    void agentsWithoutTheFieldAreNotCounted() {
        PlacementState state = PlacementState.of(List.of(new PlacedTask("node", 0, "server",
                io.stratum.sdk.resource.Agent.of("a", "h"))), List.of());

        assertThat(state.knownValues("node", Field.zone())).isZero();
        assertThat(state.minCount("node", Field.zone(), 0)).isZero();
    }
}
