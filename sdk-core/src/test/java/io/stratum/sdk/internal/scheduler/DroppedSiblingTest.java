package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.sim.TaskBehaviour;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 8: a step launching two tasks of a pod instance, one of which is dropped (the
 * scheduler was killed after storing the launch, and the backend never started that task) while
 * the other runs. Whatever order their statuses come in, the step goes back to launch the instance
 * again and the deploy completes; a later status of the running task (RUNNING, readiness passed)
 * must not make the step count the dropped task as started.
 */
class DroppedSiblingTest {
    private static final String SPEC = """
            name: app
            pods:
              app:
                count: 1
                tasks:
                  main:
                    cmd: serve
                    cpus: 0.1
                    memory: 32
                    volume: {path: data, type: ROOT, size: 64}
                    readiness-check: {cmd: ready, interval: 1}
                  side: {cmd: assist, cpus: 0.1, memory: 32}
            """;

    private static ServiceTestRunner.Context launchedOnce() {
        var context = ServiceTestRunner.builder(SchedulerOnSimTest.spec(SPEC)).build().run();
        // The first launch: main runs but is not ready yet; side is launched but says nothing.
        context.cluster().scriptOnce("app-0-main", TaskBehaviour.failReadiness());
        context.cluster().scriptOnce("app-0-side", TaskBehaviour.of());
        Send.offers().run(context);
        Expect.launches("app-0-main", 1).run(context);
        Expect.launches("app-0-side", 1).run(context);
        return context;
    }

    @Test
    void aDroppedTaskIsLaunchedAgainWhenItsSiblingBecomesReadyAfterTheDrop() {
        var context = launchedOnce();
        Send.status("app-0-side", TaskState.DROPPED).run(context);
        Send.readiness("app-0-main", CheckState.PASSED).run(context);

        assertThat(context.scheduler().plans().get("deploy").status()).isNotEqualTo(Status.STARTED);
        Send.offersUntilComplete("deploy", 20).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        Expect.taskRunning("app-0-main").run(context);
        Expect.taskRunning("app-0-side").run(context);
        Expect.launches("app-0-side", 2).run(context);
    }

    @Test
    void afterARestartALaunchTheClusterNeverStartedIsLaunchedAgainBesideItsRunningSibling() {
        var context = launchedOnce();
        Send.schedulerRestart().run(context);
        // The reconciliation's answer for a launch the cluster lost, then the sibling's readiness:
        // the local backend's order in the kill -9 trials of the issue.
        Send.status("app-0-side", TaskState.LOST).run(context);
        Send.readiness("app-0-main", CheckState.PASSED).run(context);

        Send.offersUntilComplete("deploy", 20).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        Expect.taskRunning("app-0-main").run(context);
        Expect.taskRunning("app-0-side").run(context);
        assertThat(context.cluster().liveTasks()).as("nothing runs twice").hasSize(2);
    }

    @Test
    void aDroppedTaskIsLaunchedAgainWhenItsSiblingWasReadyBeforeTheDrop() {
        var context = launchedOnce();
        Send.readiness("app-0-main", CheckState.PASSED).run(context);
        Send.status("app-0-side", TaskState.DROPPED).run(context);
        Send.readiness("app-0-main", CheckState.PASSED).run(context);

        Send.offersUntilComplete("deploy", 20).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        Expect.taskRunning("app-0-side").run(context);
        assertThat(context.cluster().liveTasks()).as("nothing runs twice").hasSize(2);
    }
}
