package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;
import java.util.ArrayList;
import java.util.List;

/** Agents and placements for the rule tests: agent {@code h<i>} in zone {@code z<i % 3>}, rack {@code r<i>}. */
final class RuleFixtures {
    private RuleFixtures() {
    }

    static Agent agent(int i) {
        return Agent.of("a" + i, "h" + i).withFaultDomain("us-east", "z" + (i % 3)).withAttribute("rack", "r" + i);
    }

    /** @return the state where {@code podType} instances 0, 1, ... sit on the agents numbered {@code onAgents} */
    static PlacementState placed(String podType, int... onAgents) {
        List<PlacedTask> tasks = new ArrayList<>();
        for (int i = 0; i < onAgents.length; i++) {
            tasks.add(new PlacedTask(podType, i, "server", agent(onAgents[i])));
        }
        return PlacementState.of(tasks, knownAgents(6));
    }

    static List<Agent> knownAgents(int count) {
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            agents.add(agent(i));
        }
        return agents;
    }

    static PlacementRule rule(String constraints) {
        return PlacementRule.of(PlacementFixtures.parse(constraints));
    }
}
