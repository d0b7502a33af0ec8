package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;

import static io.stratum.sdk.internal.plan.PlanFixtures.NOW;
import static io.stratum.sdk.internal.plan.PlanFixtures.complete;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanControlTest {
    @Test
    void theCoordinatorNeverGivesOnePodInstanceToTwoPlans() {
        Map<String, Plan> first = PlanFactory.plans(PlanFixtures.twoPods(1));
        Map<String, Plan> second = PlanFactory.plans(PlanFixtures.twoPods(1));
        Plan a = new Plan("a", ExecutionStrategy.of(io.stratum.sdk.spec.Strategy.PARALLEL), first.get("deploy").phases());
        Plan b = new Plan("b", ExecutionStrategy.of(io.stratum.sdk.spec.Strategy.PARALLEL), second.get("deploy").phases());

        List<Step> steps = PlanCoordinator.candidates(List.of(a, b), NOW);

        assertThat(steps).extracting(s -> s.podInstance().name()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("hello-0", "world-0");
        assertThat(steps).allMatch(s -> a.steps().contains(s));
    }

    @Test
    void aPodInstanceBusyInOnePlanIsNotOfferedByAnother() {
        Plan a = PlanFixtures.onePhase("parallel", 2);
        Plan b = PlanFixtures.onePhase("parallel", 2);
        a.steps().get(0).prepared();

        List<Step> steps = PlanCoordinator.candidates(List.of(b, a), NOW);

        assertThat(steps).extracting(Step::name).containsExactly("node-1:[server]");
        assertThat(steps.get(0)).isSameAs(b.steps().get(1));
    }

    @Test
    void errorsMakeThePlanStatusErrorUntilCleared() {
        Plan plan = PlanFixtures.onePhase("serial", 1);
        plan.setErrors(List.of("pods.node.count: cannot shrink"));

        assertThat(plan.status()).isEqualTo(Status.ERROR);
        plan.setErrors(List.of());
        assertThat(plan.status()).isEqualTo(Status.PENDING);
    }

    @Test
    void aPlanIsInProgressOnceAStepIsDoneAndCompleteWhenAllAre() {
        Plan plan = PlanFixtures.onePhase("serial", 2);
        complete(plan.steps().get(0));
        assertThat(plan.status()).isEqualTo(Status.IN_PROGRESS);
        complete(plan.steps().get(1));
        assertThat(plan.status()).isEqualTo(Status.COMPLETE);
    }

    @Test
    void stopResetsAndInterruptsWhileForceCompleteFinishesEverything() {
        Plan plan = PlanFixtures.onePhase("serial", 2);
        complete(plan.steps().get(0));
        plan.stop();
        assertThat(plan.steps()).allMatch(s -> s.status() == Status.PENDING);
        assertThat(plan.status()).isEqualTo(Status.WAITING);

        plan.forceComplete();
        assertThat(plan.status()).isEqualTo(Status.COMPLETE);
    }

    @Test
    void progressSurvivesAJsonRoundTripAndRestoresIntoAFreshPlan() throws Exception {
        Plan plan = PlanFixtures.onePhase("serial-canary", 3);
        plan.proceed();
        complete(plan.steps().get(0));
        plan.proceed();
        plan.steps().get(1).prepared();
        plan.steps().get(1).launched(Map.of("server", "node-1-server__abc"));
        plan.steps().get(2).delayUntil(NOW.plusSeconds(30));
        ObjectMapper json = new ObjectMapper();
        String saved = json.writeValueAsString(plan.progress());

        Plan fresh = PlanFixtures.onePhase("serial-canary", 3);
        fresh.restore(json.readValue(saved, PlanProgress.class));

        assertThat(fresh.progress()).isEqualTo(plan.progress());
        assertThat(fresh.steps()).extracting(Step::status)
                .containsExactly(Status.COMPLETE, Status.STARTING, Status.DELAYED);
        fresh.steps().get(1).update("server", "node-1-server__abc", TaskProgress.DONE);
        assertThat(fresh.steps().get(1).status()).isEqualTo(Status.COMPLETE);
    }
}
