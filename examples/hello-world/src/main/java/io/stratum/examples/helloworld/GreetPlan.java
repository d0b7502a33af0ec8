package io.stratum.examples.helloworld;

import io.stratum.sdk.plan.PhaseDefinition;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.plan.PlanDefinition;
import io.stratum.sdk.plan.StepDefinition;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.Strategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * hello-world's plan customizer: adds a plan {@code greet} that relaunches every {@code world}
 * instance, one after the other, so that each greets again ({@code stratum plan start greet}).
 * Built from the target config, so it follows {@code world}'s count.
 */
final class GreetPlan implements PlanCustomizer {
    /** The plan's name. */
    static final String NAME = "greet";

    @Override
    public Map<String, PlanDefinition> customize(Map<String, PlanDefinition> plans, ServiceSpec target) {
        PodSpec world = target.pod("world");
        if (world == null) {
            return plans;
        }
        List<StepDefinition> steps = StepDefinition.eachInstance(world);
        Map<String, PlanDefinition> customized = new LinkedHashMap<>(plans);
        customized.put(NAME, new PlanDefinition(NAME, Strategy.SERIAL,
                List.of(PhaseDefinition.of("greet-world", Strategy.SERIAL, steps))));
        return customized;
    }
}
