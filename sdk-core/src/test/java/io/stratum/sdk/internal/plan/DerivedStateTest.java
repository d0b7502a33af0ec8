package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;

import static io.stratum.sdk.internal.plan.PlanFixtures.complete;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.spec.Strategy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plans and phases derive their status, progress and busy pod instances only after a change: every
 * change to a step or strategy, made through any plan or phase holding it, must show at once.
 */
class DerivedStateTest {
    @Test
    void statusFollowsEveryStepChangeAfterItWasRead() {
        Plan plan = PlanFixtures.onePhase("parallel", 2);
        Phase phase = plan.phases().get(0);
        assertThat(plan.status()).isEqualTo(Status.PENDING);
        assertThat(phase.status()).isEqualTo(Status.PENDING);

        plan.steps().get(0).prepared();
        assertThat(plan.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(phase.status()).isEqualTo(Status.IN_PROGRESS);

        complete(plan.steps().get(0));
        complete(plan.steps().get(1));
        assertThat(plan.status()).isEqualTo(Status.COMPLETE);
        assertThat(phase.status()).isEqualTo(Status.COMPLETE);

        plan.steps().get(1).restart();
        assertThat(plan.status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void progressIsTheSameObjectUntilSomethingChanges() {
        Plan plan = PlanFixtures.onePhase("serial", 2);
        PlanProgress first = plan.progress();
        assertThat(plan.progress()).isSameAs(first);

        Step step = plan.steps().get(0);
        step.prepared();
        step.launched(Map.of("server", "node-0-server__1"));
        PlanProgress launched = plan.progress();

        assertThat(launched).isNotSameAs(first);
        assertThat(launched.phases().get("nodes").steps().get(step.name()).taskIds())
                .containsEntry("server", "node-0-server__1");
        assertThat(plan.progress()).isSameAs(launched);
    }

    @Test
    void strategyControlsAndErrorsChangeTheDerivedState() {
        Plan plan = PlanFixtures.onePhase("serial", 2);
        assertThat(plan.progress().phases().get("nodes").interrupted()).isFalse();

        plan.phases().get(0).strategy().interrupt();
        assertThat(plan.phases().get(0).status()).isEqualTo(Status.WAITING);
        assertThat(plan.progress().phases().get("nodes").interrupted()).isTrue();

        plan.setErrors(List.of("broken"));
        assertThat(plan.status()).isEqualTo(Status.ERROR);
        plan.start(Map.of("KEY", "value"));
        assertThat(plan.progress().parameters()).containsEntry("KEY", "value");
    }

    @Test
    void plansSharingPhasesOrStepsSeeChangesMadeThroughEither() {
        Plan original = PlanFixtures.onePhase("parallel", 2);
        Plan sharing = new Plan("sharing", ExecutionStrategy.of(Strategy.PARALLEL), original.phases());
        Step step = original.steps().get(0);
        Plan rebuilt = new Plan("rebuilt", ExecutionStrategy.of(Strategy.PARALLEL), List.of(
                new Phase(PlanIds.of("rebuilt", "p"), "p", ExecutionStrategy.of(Strategy.PARALLEL), List.of(step))));
        assertThat(List.of(original.status(), sharing.status(), rebuilt.status())).containsOnly(Status.PENDING);
        assertThat(original.busyPodInstances()).isEmpty();

        step.prepared();

        assertThat(List.of(original.status(), sharing.status(), rebuilt.status())).containsOnly(Status.IN_PROGRESS);
        assertThat(original.busyPodInstances()).containsExactly(step.podInstance());
        assertThat(sharing.busyPodInstances()).containsExactly(step.podInstance());
        assertThat(rebuilt.busyPodInstances()).containsExactly(step.podInstance());
    }

    @Test
    void delayedStepsAreSeenUntilTheyGoAgain() {
        Plan plan = PlanFixtures.onePhase("parallel", 1);
        Step step = plan.steps().get(0);
        assertThat(plan.hasDelayedSteps()).isFalse();

        step.delayUntil(Instant.parse("2026-01-01T00:01:00Z"));
        assertThat(plan.hasDelayedSteps()).isTrue();

        step.restart();
        assertThat(plan.hasDelayedSteps()).isFalse();
    }
}
