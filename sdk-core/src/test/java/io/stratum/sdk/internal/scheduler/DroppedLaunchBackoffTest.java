package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.sim.TaskBehaviour;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import org.junit.jupiter.api.Test;

/**
 * A launch the cluster never started (DROPPED: the scheduler was killed after storing it, or its
 * offer had gone) is not a failure of the task: it is launched again at once, however often it
 * happened, while a task that ran and failed still backs off. Before this, every scheduler killed
 * mid-launch added a failure to the step, and after ten such kills its next launch waited minutes
 * (the stalls of {@code SchedulerKillIT}).
 */
class DroppedLaunchBackoffTest {
    private static final String SPEC = """
            name: app
            pods:
              app:
                count: 1
                tasks:
                  main: {cmd: serve, cpus: 0.1, memory: 32, volume: {path: data, type: ROOT, size: 64}}
                  side: {cmd: assist, cpus: 0.1, memory: 32}
            """;

    private static Step step(ServiceTestRunner.Context context) {
        return context.scheduler().plans().get("deploy").steps().get(0);
    }

    @Test
    void aLaunchDroppedAfterEveryRestartIsLaunchedAgainAtOnceAndTheDeployCompletes() {
        var context = ServiceTestRunner.builder(SchedulerOnSimTest.spec(SPEC)).build().run();
        for (int drop = 1; drop <= 10; drop++) {
            context.cluster().scriptOnce("app-0-main", TaskBehaviour.of());
            context.cluster().scriptOnce("app-0-side", TaskBehaviour.of());
            Send.offers().run(context);
            Expect.launches("app-0-main", drop).run(context);
            Send.schedulerRestart().run(context);
            Send.status("app-0-main", TaskState.DROPPED).run(context);
            Send.status("app-0-side", TaskState.DROPPED).run(context);
            assertThat(step(context).status()).as("after drop %d", drop).isEqualTo(Status.PENDING);
            assertThat(step(context).failures()).as("drops are not failures").isZero();
        }
        Send.offersUntilComplete("deploy", 5).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        Expect.launches("app-0-main", 11).run(context);
    }

    @Test
    void aTaskThatRanAndFailedStillBacksOff() {
        var context = ServiceTestRunner.builder(SchedulerOnSimTest.spec(SPEC.replace(
                "      side: {cmd: assist, cpus: 0.1, memory: 32}\n", ""))).build().run();
        for (int failure = 1; failure <= 2; failure++) {
            context.cluster().scriptOnce("app-0-main", TaskBehaviour.of()); // launched, says nothing yet
            Send.offers().run(context);
            Expect.launches("app-0-main", failure).run(context);
            Send.status("app-0-main", TaskState.FAILED).run(context);
        }
        assertThat(step(context).failures()).isEqualTo(2);
        assertThat(step(context).status()).as("the second failure backs off").isEqualTo(Status.DELAYED);
    }
}
