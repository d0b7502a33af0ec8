package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.plan.PhaseDefinition;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.plan.PlanDefinition;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.plan.StepDefinition;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.Strategy;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import io.stratum.sdk.testing.Tick;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A framework's {@link PlanCustomizer}, seen through the scheduler on the sim backend. */
class PlanCustomizerTest {
    /** Pods hello (2, serial phase hello-deploy) and world (1, parallel phase world-deploy). */
    private static final String SPEC = SchedulerOnSimTest.SPEC;

    private static ServiceTestRunner runner(PlanCustomizer customizer) {
        return ServiceTestRunner.builder(Service.builder(SchedulerOnSimTest.spec(SPEC)).planCustomizer(customizer).build()).build();
    }

    private static PlanCustomizer deploy(java.util.function.UnaryOperator<PlanDefinition> edit) {
        return PlanCustomizer.forPlan("deploy", edit);
    }

    @Test
    void reorderedPhasesDeployInTheNewOrder() {
        runner(deploy(d -> d.withPhases(List.of(d.phase("world-deploy").orElseThrow(), d.phase("hello-deploy").orElseThrow()))))
                .run(Send.offers(),
                        Expect.launches("world-0-server", 1),
                        Expect.launches("hello-0-server", 0),
                        Send.offersUntilComplete("deploy", 20),
                        Expect.planStatus("deploy", Status.COMPLETE));
    }

    @Test
    void aDroppedPhaseIsNotDeployed() {
        var context = runner(deploy(d -> d.withoutPhase("world-deploy"))).run(
                Send.offersUntilComplete("deploy", 20),
                Expect.planStatus("deploy", Status.COMPLETE),
                Expect.launches("world-0-server", 0));

        assertThat(context.scheduler().plans().get("deploy").phases()).extracting(p -> p.name()).containsExactly("hello-deploy");
    }

    @Test
    void aCanaryPhaseWaitsForAnOperatorBeforeEachOfItsFirstSteps() {
        runner(deploy(d -> d.withPhase("hello-deploy", p -> p.withStrategy(Strategy.CANARY)))).run(
                Send.offers(),
                Expect.launches("hello-0-server", 0),
                Expect.planStatus("deploy", Status.WAITING),
                Send.planContinue("deploy"),
                Send.offers(),
                Expect.launches("hello-0-server", 1),
                Expect.launches("hello-1-server", 0));
    }

    @Test
    void anInterruptedPhaseStartsOnlyAfterContinue() {
        runner(deploy(d -> d.withPhase("world-deploy", p -> p.withInterrupted(true)))).run(
                Send.offersUntilComplete("deploy", 10),
                Expect.launches("hello-1-server", 1),
                Expect.launches("world-0-server", 0),
                Tick.of("expect phase world-deploy WAITING", c -> assertThat(c.scheduler().plans().get("deploy")
                        .phase("world-deploy").orElseThrow().status()).isEqualTo(Status.WAITING)),
                Send.planContinue("deploy"),
                Send.offersUntilComplete("deploy", 10),
                Expect.planStatus("deploy", Status.COMPLETE),
                Expect.launches("world-0-server", 1));
    }

    @Test
    void anAddedPlanOfSpecificStepsRunsWhenAnOperatorStartsIt() {
        PlanCustomizer addRelaunch = (plans, target) -> {
            Map<String, PlanDefinition> out = new LinkedHashMap<>(plans);
            out.put("relaunch-world", new PlanDefinition("relaunch-world", Strategy.SERIAL, List.of(PhaseDefinition.of(
                    "world", Strategy.SERIAL, List.of(StepDefinition.of("world", 0, "server"))))));
            return out;
        };
        runner(addRelaunch).run(
                Send.offersUntilComplete("deploy", 20),
                Expect.launches("world-0-server", 1),
                Expect.planStatus("relaunch-world", Status.WAITING),
                Send.planStart("relaunch-world", Map.of()),
                Send.offersUntilComplete("relaunch-world", 10),
                Expect.planStatus("relaunch-world", Status.COMPLETE),
                Expect.launches("world-0-server", 2));
    }

    @Test
    void aCustomizerNamingAPodTheSpecLacksStopsTheStartWithAClearError() {
        PlanCustomizer unknownPod = deploy(d -> d.withPhase("world-deploy",
                p -> p.withSteps(List.of(StepDefinition.of("wrold", 0, "server")))));

        assertThatThrownBy(() -> runner(unknownPod).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plans.deploy.phases.world-deploy: step wrold-0:[server]: the spec has no pod wrold");
    }

    @Test
    void aFailingCustomizerStopsTheStartWithItsMessage() {
        PlanCustomizer failing = deploy(d -> d.withPhase("no-such-phase", p -> p));

        assertThatThrownBy(() -> runner(failing).run())
                .hasMessageContaining("plans: the plan customizer failed: plan deploy has no phase no-such-phase");
    }

    @Test
    void aConfigUpdateWhosePlansTheCustomizerCannotBuildIsRefusedAndTheOldTargetStays() {
        PlanCustomizer secondHelloFirst = deploy(d -> d.withPhase("hello-deploy",
                p -> p.withSteps(List.of(StepDefinition.of("hello", 1, "server"), StepDefinition.of("hello", 0, "server")))));
        var context = runner(secondHelloFirst).run(
                Send.offers(),
                Expect.launches("hello-1-server", 1),
                Expect.launches("hello-0-server", 0));

        List<String> errors = context.scheduler().updateConfig(SchedulerOnSimTest.spec(SPEC.replace("count: 2", "count: 1")));

        assertThat(errors).containsExactly(
                "plans.deploy.phases.hello-deploy: step hello-1:[server]: pod hello has 1 instances (0 to 0)");
        assertThat(context.scheduler().target().pod("hello").count()).isEqualTo(2);
        assertThat(context.scheduler().lastRefused().orElseThrow().errors()).containsExactlyElementsOf(errors);
        assertThat(context.scheduler().plans().get("deploy").errors()).isEmpty();
    }

    @Test
    void aCustomizerThatDropsTheDeployPlanIsRefused() {
        PlanCustomizer noDeploy = (plans, target) -> Map.of();

        assertThatThrownBy(() -> runner(noDeploy).run())
                .hasMessageContaining("plans.deploy: the plan customizer dropped the deploy plan");
    }
}
