package io.stratum.sdk.internal.plan;

import static io.stratum.sdk.internal.plan.PlanFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.stratum.sdk.plan.PhaseDefinition;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.plan.PlanDefinition;
import io.stratum.sdk.plan.StepDefinition;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecRule;
import io.stratum.sdk.spec.Strategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a {@link PlanCustomizer} sees, and how its plans are checked and built. */
class PlanDefinitionsTest {
    private final ServiceSpec spec = PlanFixtures.twoPods(2);

    private static PlanCustomizer replacingDeploy(PlanDefinition deploy) {
        return (plans, target) -> {
            Map<String, PlanDefinition> out = new LinkedHashMap<>(plans);
            out.put("deploy", deploy);
            return out;
        };
    }

    @Test
    void theCustomizerSeesTheGeneratedDeployAsDefinitions() {
        Map<String, PlanDefinition> seen = new LinkedHashMap<>();
        PlanFactory.plans(spec, (plans, target) -> {
            seen.putAll(plans);
            return plans;
        });

        PlanDefinition deploy = seen.get("deploy");
        assertThat(deploy.strategy()).isEqualTo(Strategy.SERIAL);
        assertThat(deploy.phases()).extracting(PhaseDefinition::name).containsExactly("hello", "world");
        assertThat(deploy.phase("world").orElseThrow().steps()).extracting(StepDefinition::name)
                .containsExactly("world-0:[server, sidecar]", "world-1:[server, sidecar]");
    }

    @Test
    void tasksRunBeforeDecommissionAreLeftOutOfGeneratedAndStepLessSteps() {
        String pods = """
                name: svc
                pods:
                  node:
                    count: 2
                    before-decommission: [drain]
                    tasks:
                      server: {cmd: serve, cpus: 0.5, memory: 256}
                      drain: {cmd: drain, cpus: 0.1, memory: 32, goal: ONCE}
                      init: {cmd: init, cpus: 0.1, memory: 32, goal: ONCE}
                """;
        ServiceSpec generated = PlanFixtures.spec(pods);
        ServiceSpec declared = PlanFixtures.spec(pods + """
                plans:
                  deploy:
                    phases:
                      all: {pod: node}
                      drain: {pod: node, steps: [{default: [[drain]]}]}
                """);

        assertThat(PlanFactory.plans(generated).get("deploy").steps()).extracting(Step::name)
                .containsExactly("node-0:[server, init]", "node-1:[server, init]");
        assertThat(PlanFactory.plans(declared).get("deploy").steps()).extracting(Step::name)
                .containsExactly("node-0:[server, init]", "node-1:[server, init]", "node-0:[drain]", "node-1:[drain]");
    }

    @Test
    void stepsCarryTheirPodResolvedAgainstTheTarget() {
        Step step = PlanFactory.plans(spec).get("deploy").phase("world").orElseThrow().steps().get(1);

        PodInstanceRequirement launches = step.launches().orElseThrow();
        assertThat(launches.podSpec()).isSameAs(spec.pod("world"));
        assertThat(launches.index()).isEqualTo(1);
        assertThat(launches.tasks()).containsExactly("server", "sidecar");
        assertThat(launches.recovery()).isEqualTo(RecoveryType.NONE);
    }

    @Test
    void phaseDependenciesOrderPhasesUnderADependencyStrategy() {
        PlanDefinition deploy = new PlanDefinition("deploy", Strategy.DEPENDENCY, List.of(
                PhaseDefinition.of("hello", Strategy.PARALLEL, List.of(StepDefinition.of("hello", 0, "server"))),
                PhaseDefinition.of("world", Strategy.PARALLEL, List.of(StepDefinition.of("world", 0, "server")))
                        .withDependsOn("hello")));
        Plan plan = PlanFactory.plans(spec, replacingDeploy(deploy)).get("deploy");

        assertThat(plan.candidates(Set.of(), NOW)).extracting(Step::name).containsExactly("hello-0:[server]");
        PlanFixtures.complete(plan.steps().get(0));
        assertThat(plan.candidates(Set.of(), NOW)).extracting(Step::name).containsExactly("world-0:[server]");
    }

    @Test
    void anInterruptedPhaseOffersNothingUntilContinue() {
        Plan plan = PlanFactory.plans(spec, PlanCustomizer.forPlan("deploy",
                d -> d.withPhase("hello", p -> p.withInterrupted(true)))).get("deploy");

        assertThat(plan.candidates(Set.of(), NOW)).isEmpty();
        plan.proceed();
        assertThat(plan.candidates(Set.of(), NOW)).extracting(Step::name).containsExactly("hello-0:[server]");
    }

    @Test
    void everyProblemOfTheCustomizedPlansIsReportedWithWhereItIs() {
        PlanDefinition deploy = new PlanDefinition("deploy", Strategy.SERIAL, List.of(PhaseDefinition.of("p",
                Strategy.SERIAL, List.of(StepDefinition.of("nope", 0, "server"), StepDefinition.of("hello", 2, "server"),
                        StepDefinition.of("world", 0, "server", "sidekick")))));
        PlanCustomizer customizer = replacingDeploy(deploy).andThen((plans, target) -> {
            Map<String, PlanDefinition> out = new LinkedHashMap<>(plans);
            out.put("recovery", new PlanDefinition("recovery", Strategy.SERIAL, List.of()));
            return out;
        });

        assertThat(PlanFactory.problems(spec, customizer)).extracting(v -> v.path() + ": " + v.message()).containsExactly(
                "plans.deploy.phases.p: step nope-0:[server]: the spec has no pod nope (it has [hello, world])",
                "plans.deploy.phases.p: step hello-2:[server]: pod hello has 2 instances (0 to 1)",
                "plans.deploy.phases.p: step world-0:[server, sidekick]: pod world has no task sidekick"
                        + " (it has [server, sidecar])",
                "plans.recovery: the scheduler keeps the name recovery for its own plan");
        assertThatIllegalArgumentException().isThrownBy(() -> PlanFactory.plans(spec, customizer))
                .withMessageStartingWith("the plans of this config cannot be built: plans.deploy.phases.p: step nope-0");
    }

    @Test
    void aCustomizerThatThrowsIsOneProblem() {
        List<SpecRule.Violation> problems = PlanFactory.problems(spec, (plans, target) -> {
            throw new IllegalStateException("no idea");
        });

        assertThat(problems).containsExactly(new SpecRule.Violation("plans", "the plan customizer failed: no idea"));
    }

    @Test
    void definitionsRefuseRepeatedNamesAndUnknownDependencies() {
        StepDefinition step = StepDefinition.of("hello", 0, "server");
        assertThatIllegalArgumentException().isThrownBy(() -> PhaseDefinition.of("p", Strategy.SERIAL, List.of(step, step)))
                .withMessage("phase p: step 'hello-0:[server]' is blank or appears twice");
        assertThatIllegalArgumentException().isThrownBy(() -> new PlanDefinition("deploy", Strategy.DEPENDENCY,
                List.of(PhaseDefinition.of("p", Strategy.SERIAL, List.of(step)).withDependsOn("q"))))
                .withMessage("plan deploy: phase p depends on phase q, which the plan does not have");
        assertThatIllegalArgumentException().isThrownBy(() -> StepDefinition.of("hello", 0))
                .withMessage("step hello-0: needs at least one task");
    }
}
