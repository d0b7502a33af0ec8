package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;

import static io.stratum.sdk.internal.plan.PlanFixtures.NOW;
import static io.stratum.sdk.internal.plan.PlanFixtures.complete;
import static io.stratum.sdk.internal.plan.PlanFixtures.onePhase;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.spec.Strategy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrategyTest {
    private static List<String> candidates(Plan plan) {
        return plan.candidates(Set.of(), NOW).stream().map(Step::name).toList();
    }

    @Test
    void serialOffersOnlyTheFirstUnfinishedStepAndNothingWhileItRuns() {
        Plan plan = onePhase("serial", 3);

        assertThat(candidates(plan)).containsExactly("node-0:[server]");
        plan.steps().get(0).prepared();
        assertThat(candidates(plan)).isEmpty();
        complete(plan.steps().get(0));
        assertThat(candidates(plan)).containsExactly("node-1:[server]");
    }

    @Test
    void parallelOffersEveryPendingStep() {
        Plan plan = onePhase("parallel", 3);
        plan.steps().get(1).prepared();

        assertThat(candidates(plan)).containsExactly("node-0:[server]", "node-2:[server]");
    }

    @Test
    void serialCanaryWaitsForAContinueBeforeEachOfTheFirstTwoStepsThenGoesOneByOne() {
        Plan plan = onePhase("serial-canary", 4);

        assertThat(candidates(plan)).isEmpty();
        assertThat(plan.status()).isEqualTo(Status.WAITING);
        plan.proceed();
        assertThat(candidates(plan)).containsExactly("node-0:[server]");
        complete(plan.steps().get(0));
        assertThat(candidates(plan)).isEmpty();
        assertThat(plan.phases().get(0).status()).isEqualTo(Status.WAITING);
        plan.proceed();
        assertThat(candidates(plan)).containsExactly("node-1:[server]");
        complete(plan.steps().get(1));
        assertThat(candidates(plan)).containsExactly("node-2:[server]");
    }

    @Test
    void parallelCanaryRunsTheRestTogetherAfterTheTwoCanaries() {
        Plan plan = onePhase("parallel-canary", 4);
        plan.proceed();
        complete(plan.steps().get(0));
        plan.proceed();
        complete(plan.steps().get(1));

        assertThat(candidates(plan)).containsExactly("node-2:[server]", "node-3:[server]");
    }

    @Test
    void dependencyStartsAChildOnlyAfterItsPrerequisitesComplete() {
        Plan plan = onePhase("dependency", 3);
        ExecutionStrategy strategy = plan.phases().get(0).strategy();
        strategy.dependsOn("node-2:[server]", "node-0:[server]");

        assertThat(candidates(plan)).containsExactly("node-0:[server]", "node-1:[server]");
        complete(plan.steps().get(0));
        assertThat(candidates(plan)).containsExactly("node-1:[server]", "node-2:[server]");
    }

    @Test
    void anInterruptedPlanOffersNothingAndShowsWaitingUntilContinued() {
        Plan plan = onePhase("parallel", 2);
        plan.interrupt();

        assertThat(candidates(plan)).isEmpty();
        assertThat(plan.status()).isEqualTo(Status.WAITING);
        plan.proceed();
        assertThat(candidates(plan)).hasSize(2);
    }

    @Test
    void interruptingOnePhaseLeavesTheOthersRunning() {
        Plan plan = PlanFactory.plans(PlanFixtures.twoPods(1)).get("deploy");
        Plan parallel = new Plan("p", ExecutionStrategy.of(Strategy.PARALLEL), plan.phases());
        parallel.phase("hello").orElseThrow().strategy().interrupt();

        assertThat(candidates(parallel)).containsExactly("world-0:[server, sidecar]");
    }

    @Test
    void busyPodInstancesAreSkipped() {
        Plan plan = onePhase("parallel", 2);

        assertThat(plan.candidates(Set.of(new PodInstance("node", 0)), NOW)).extracting(Step::name)
                .containsExactly("node-1:[server]");
    }
}
