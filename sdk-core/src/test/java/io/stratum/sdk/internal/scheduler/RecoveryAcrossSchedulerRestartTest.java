package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.sim.TaskBehaviour;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import org.junit.jupiter.api.Test;

/**
 * Tasks whose records hold a terminal status are not reconciled: a scheduler restarted after storing
 * the end of a task its step launched, but before storing the step's progress, must still move the
 * step on from what the state store says.
 */
class RecoveryAcrossSchedulerRestartTest {
    private static final String SPEC = """
            name: ring
            pods:
              node:
                count: 2
                placement: hostname:UNIQUE
                allow-decommission: true
                tasks:
                  init: {cmd: init, goal: ONCE, cpus: 0.1, memory: 32}
                  server:
                    cmd: serve
                    cpus: 0.5
                    memory: 256
                    volume: {path: data, type: ROOT, size: 512}
                  side: {cmd: watch, cpus: 0.1, memory: 32}
              job:
                count: 1
                tasks:
                  load: {cmd: load, goal: FINISH, cpus: 0.1, memory: 32}
            plans:
              deploy:
                strategy: serial
                phases:
                  node-deploy:
                    pod: node
                    strategy: serial
                    steps: [{default: [[init], [server, side]]}]
                  job-deploy: {pod: job, strategy: serial}
            """;

    private final DyingPersister store = new DyingPersister(Persister.inMemory());

    private ServiceTestRunner.Context started() {
        return ServiceTestRunner.builder(SchedulerOnSimTest.spec(SPEC)).withPersister(store).build().run();
    }

    @Test
    void aDeployStepWhoseTaskFinishedJustBeforeTheSchedulerRestartsCompletes() {
        var context = started();
        context.cluster().script("job-0-load", TaskBehaviour.stayStarting());
        Send.offersUntilComplete("deploy", 30).run(context);
        assertThat(step(context, "deploy", "job-0:[load]").status()).isEqualTo(Status.STARTING);

        // The scheduler stores the status (and acknowledges it), then dies before storing the step's progress.
        store.dieAfterStoring("job-0-load", "FINISHED");
        context.cluster().finish(context.liveTask("job-0-load").taskId());
        context.settle();
        store.restarted();
        Send.schedulerRestart().run(context);
        Send.offersUntilComplete("deploy", 5).run(context);

        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        Expect.launches("job-0-load", 1).run(context);
    }

    @Test
    void aDeployStepWhoseTaskFailedJustBeforeTheSchedulerRestartsLaunchesAgain() {
        var context = started();
        context.cluster().scriptOnce("node-1-server", TaskBehaviour.stayStarting());
        Send.offersUntilComplete("deploy", 30).run(context);
        assertThat(step(context, "deploy", "node-1:[server, side]").status().isRunning()).isTrue();

        store.dieAfterStoring("node-1-server", "FAILED");
        context.cluster().fail(context.liveTask("node-1-server").taskId(), "crash");
        context.settle();
        store.restarted();
        Send.schedulerRestart().run(context);
        Send.offersUntilComplete("deploy", 10).run(context);

        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        Expect.launches("node-1-server", 2).run(context);
        Expect.launches("node-1-side", 2).run(context); // the step launches its tasks together again
        Expect.taskRunning("node-1-server").run(context);
        assertThat(context.scheduler().plans().get("recovery").steps()).as("left to the deploy").isEmpty();
    }

    private static Step step(ServiceTestRunner.Context context, String plan, String name) {
        return context.scheduler().plans().get(plan).steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
