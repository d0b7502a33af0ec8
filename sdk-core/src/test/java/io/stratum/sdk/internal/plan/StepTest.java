package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;

import static io.stratum.sdk.internal.plan.PlanFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepTest {
    private final Step step = new Step(PlanIds.of("t"), PodInstanceRequirement.of(PlanFixtures.twoPods(1).pod("world"), 1,
            List.of("server", "sidecar"), RecoveryType.NONE));

    private void launch() {
        step.prepared();
        step.launched(Map.of("server", "id-1", "sidecar", "id-2"));
    }

    @Test
    void aStepIsNamedAfterItsPodInstanceAndTasks() {
        assertThat(step.name()).isEqualTo("world-1:[server, sidecar]");
        assertThat(step.podInstance().taskName("server")).isEqualTo("world-1-server");
    }

    @Test
    void aStepMovesThroughPreparedStartingStartedToCompleteWhenEveryTaskIsDone() {
        assertThat(step.status()).isEqualTo(Status.PENDING);
        step.prepared();
        assertThat(step.status()).isEqualTo(Status.PREPARED);
        step.launched(Map.of("server", "id-1", "sidecar", "id-2"));
        assertThat(step.status()).isEqualTo(Status.STARTING);
        step.update("server", "id-1", TaskProgress.RUNNING);
        assertThat(step.status()).isEqualTo(Status.STARTED);
        step.update("server", "id-1", TaskProgress.DONE);
        assertThat(step.status()).isEqualTo(Status.STARTED);
        step.update("sidecar", "id-2", TaskProgress.DONE);
        assertThat(step.status()).isEqualTo(Status.COMPLETE);
    }

    @Test
    void updatesForTaskIdsTheStepDidNotLaunchAreIgnored() {
        launch();
        step.update("server", "an-old-id", TaskProgress.FAILED);
        step.update("server", "id-1", TaskProgress.DONE);
        step.update("sidecar", "id-2", TaskProgress.DONE);
        step.update("sidecar", "id-2", TaskProgress.DONE);

        assertThat(step.status()).isEqualTo(Status.COMPLETE);
        assertThat(step.failures()).isZero();
    }

    @Test
    void laterProgressOfALaunchWhoseOtherTaskFailedLeavesTheStepPending() {
        launch();
        step.update("sidecar", "id-2", TaskProgress.FAILED);
        step.update("server", "id-1", TaskProgress.RUNNING);
        step.update("server", "id-1", TaskProgress.DONE);
        step.update("server", "id-1", TaskProgress.FAILED);

        assertThat(step.status()).as("issue 12, item 8: a dropped task of the launch is launched again").isEqualTo(Status.PENDING);
        assertThat(step.failures()).isEqualTo(1);
        step.launched(Map.of("server", "id-3", "sidecar", "id-4"));
        step.update("server", "id-3", TaskProgress.DONE);
        step.update("sidecar", "id-4", TaskProgress.DONE);
        assertThat(step.status()).isEqualTo(Status.COMPLETE);
    }

    @Test
    void aFailedTaskSendsTheStepBackToPendingAndCountsTheFailure() {
        launch();
        step.update("server", "id-1", TaskProgress.FAILED);

        assertThat(step.status()).isEqualTo(Status.PENDING);
        assertThat(step.failures()).isEqualTo(1);
        assertThat(step.requirement(NOW, Map.of())).isPresent();
    }

    @Test
    void aDelayedStepIsEligibleAgainOnlyAfterItsDelay() {
        launch();
        step.update("server", "id-1", TaskProgress.FAILED);
        step.delayUntil(NOW.plusSeconds(10));

        assertThat(step.status()).isEqualTo(Status.DELAYED);
        assertThat(step.requirement(NOW.plus(Duration.ofSeconds(9)), Map.of())).isEmpty();
        assertThat(step.requirement(NOW.plus(Duration.ofSeconds(10)), Map.of())).isPresent();
    }

    @Test
    void forceCompleteAndRestartOverrideProgress() {
        launch();
        step.forceComplete();
        assertThat(step.status()).isEqualTo(Status.COMPLETE);
        step.update("server", "id-1", TaskProgress.FAILED);
        assertThat(step.status()).isEqualTo(Status.COMPLETE);

        step.restart();
        assertThat(step.status()).isEqualTo(Status.PENDING);
        assertThat(step.launchedTaskIds()).isEmpty();
    }
}
