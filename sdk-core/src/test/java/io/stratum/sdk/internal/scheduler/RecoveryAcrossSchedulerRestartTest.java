package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.backend.sim.SimTask;
import io.stratum.sdk.backend.sim.TaskBehaviour;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.internal.state.StateStore;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The recovery plan lives in memory, and tasks whose records hold a terminal status are not
 * reconciled: a scheduler restarted between a kill or a failure and the relaunch that was to follow
 * must still relaunch the instance, in place and once, from what the state store says; and it must
 * not bring back what was stopped on purpose or has finished.
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

    private ServiceTestRunner.Context deployed() {
        var context = started();
        Send.offersUntilComplete("deploy", 30).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        return context;
    }

    @Test
    void aPodRestartedJustBeforeTheSchedulerRestartsIsRelaunchedInPlaceOnce() {
        var context = deployed();
        TaskRecord before = record(context, "node-0-server");

        Send.podRestart("node-0").run(context);
        assertThat(state(context, "node-0-server")).isEqualTo(TaskState.KILLED);
        assertThat(state(context, "node-0-side")).isEqualTo(TaskState.KILLED);
        Send.schedulerRestart().run(context);
        Send.offersUntilComplete("recovery", 10).run(context);

        assertRelaunchedInPlaceOnce(context, before);
        Expect.launches("node-0-init", 2).run(context); // a restart relaunches every task of the instance
        Expect.launches("node-1-server", 1).run(context);
        assertNothingMoreAfterAnotherRestart(context);
    }

    @Test
    void aTaskThatFailedJustBeforeTheSchedulerRestartsIsRelaunchedInPlaceWithItsRunningPeer() {
        var context = deployed();
        TaskRecord before = record(context, "node-0-server");

        Send.failure("node-0-server").run(context);
        Send.schedulerRestart().run(context);
        Send.offersUntilComplete("recovery", 10).run(context);

        assertRelaunchedInPlaceOnce(context, before);
        Expect.launches("node-0-init", 1).run(context);
        assertNothingMoreAfterAnotherRestart(context);
    }

    @Test
    void aFailedTaskWhosePeerItsRecoveryHadKilledComesBackWithIt() {
        var context = deployed();
        TaskRecord before = record(context, "node-0-server");
        Send.failure("node-0-server").run(context);
        // The recovery kills the running peer first; it launches once their reservations are offered again.
        Send.offers().run(context);
        assertThat(state(context, "node-0-side")).isEqualTo(TaskState.KILLED);
        Expect.launches("node-0-server", 1).run(context);

        Send.schedulerRestart().run(context);
        Send.offersUntilComplete("recovery", 10).run(context);

        assertRelaunchedInPlaceOnce(context, before);
        assertNothingMoreAfterAnotherRestart(context);
    }

    @Test
    void aPodRestartWhoseKillNeverReachedTheTaskStillHappensOnceAfterTheSchedulerRestarts() {
        SimCluster cluster = SimCluster.builder().agents(3, a -> a.cpus(4).mem(8192).disk(32_768).ports(10_000, 20_000))
                .build();
        Persister persister = Persister.inMemory();
        ServiceScheduler first = startScheduler(new KillsLost(cluster), persister, cluster);
        offerUntil(first, cluster, s -> s.plans().get("deploy").isComplete());
        SimTask running = live(cluster, "node-0-server");

        first.restartPod("node-0");
        cluster.deliver();
        assertThat(live(cluster, "node-0-server").taskId()).as("the kill was lost with the scheduler")
                .isEqualTo(running.taskId());

        ServiceScheduler second = startScheduler(cluster, persister, cluster);
        offerUntil(second, cluster, s -> s.plans().get("recovery").isComplete()
                && !s.plans().get("recovery").steps().isEmpty());

        assertThat(launches(cluster, "node-0-server")).as("relaunched once").isEqualTo(2);
        assertThat(launches(cluster, "node-0-side")).isEqualTo(2);
        assertThat(cluster.task(running.taskId()).orElseThrow().state()).isEqualTo(TaskState.KILLED);
        SimTask relaunched = live(cluster, "node-0-server");
        assertThat(relaunched.taskId()).isNotEqualTo(running.taskId());
        assertThat(relaunched.agentId()).as("in place").isEqualTo(running.agentId());
        assertThat(second.tasks()).allSatisfy(r -> assertThat(r.labels()).doesNotContainKey(TaskLabels.RESTARTING));
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

    @Test
    void anInstanceDecommissionedJustBeforeTheSchedulerRestartsDoesNotComeBack() {
        var context = deployed();
        ServiceSpec scaledIn = SchedulerOnSimTest.spec(SPEC.replace("count: 2", "count: 1"));

        // Its tasks are killed and their ends stored; the scheduler dies before it erases them.
        store.dieAfterStoring("node-1-side", "KILLED");
        Send.configUpdate(scaledIn).run(context);
        assertThat(StateStore.of(store).fetchTasks()).filteredOn(r -> r.podInstanceName().equals("node-1"))
                .filteredOn(r -> r.lastStatus().orElseThrow().state() == TaskState.KILLED).hasSize(2);
        store.restarted();
        Send.schedulerRestart(scaledIn).run(context);
        for (int i = 0; i < 5; i++) {
            Send.offers().run(context);
        }

        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        assertThat(context.scheduler().tasks()).noneMatch(r -> r.podInstanceName().equals("node-1"));
        Expect.launches("node-1-server", 1).run(context);
        Expect.launches("node-1-side", 1).run(context);
        assertThat(context.scheduler().plans().get("recovery").steps()).isEmpty();
    }

    @Test
    void aPodPausedJustBeforeTheSchedulerRestartsComesBackIdleNeverWithItsCommand() {
        var context = deployed();
        String agent = context.liveTask("node-0-server").agentId();

        context.scheduler().pausePod("node-0");
        context.settle();
        assertThat(state(context, "node-0-server")).isEqualTo(TaskState.KILLED);
        Send.schedulerRestart().run(context);
        Send.offersUntilComplete("recovery", 10).run(context);

        SimTask paused = context.liveTask("node-0-server");
        assertThat(paused.launch().spec().cmd()).isEqualTo(PodCommands.IDLE_COMMAND);
        assertThat(paused.agentId()).isEqualTo(agent);
        assertThat(context.cluster().launched()).filteredOn(l -> l.fullName().equals("node-0-server"))
                .extracting(l -> l.spec().cmd()).containsExactly("serve", PodCommands.IDLE_COMMAND);
        assertNothingMoreAfterAnotherRestart(context);

        context.scheduler().resumePod("node-0");
        context.settle();
        Send.schedulerRestart().run(context);
        Send.offersUntilComplete("recovery", 10).run(context);
        assertThat(context.liveTask("node-0-server").launch().spec().cmd()).isEqualTo("serve");
        Expect.launches("node-0-server", 3).run(context);
    }

    @Test
    void finishedOnceAndFinishTasksStayFinishedAcrossSchedulerRestarts() {
        var context = deployed();
        assertThat(state(context, "node-0-init")).isEqualTo(TaskState.FINISHED);
        assertThat(state(context, "job-0-load")).isEqualTo(TaskState.FINISHED);
        assertNothingMoreAfterAnotherRestart(context);
        assertThat(context.scheduler().plans().get("recovery").steps()).isEmpty();
    }

    @Test
    void aTaskFailingWhileTheDeploymentIsAboutToRelaunchItIsLeftToTheDeployment() {
        String yaml = """
                name: one
                pods:
                  node:
                    count: 1
                    tasks:
                      server: {cmd: serve, cpus: 0.5, memory: 64, volume: {path: data, type: ROOT, size: 64}}
                """;
        var context = ServiceTestRunner.builder(SchedulerOnSimTest.spec(yaml)).build()
                .run(Send.offersUntilComplete("deploy", 10));
        Send.configUpdate(SchedulerOnSimTest.spec(yaml.replace("cmd: serve", "cmd: serve --v2"))).run(context);
        // The update's step for node-0 may start now (it kills the task, then launches it): a crash
        // meanwhile is its business, not a recovery's that would relaunch the new task once more.
        Send.failure("node-0-server").run(context);
        assertThat(context.scheduler().plans().get("recovery").steps()).isEmpty();
        for (int i = 0; i < 5; i++) {
            Send.offers().run(context);
        }

        Expect.planStatus(context.scheduler().deploymentPlanName(), Status.COMPLETE).run(context);
        assertThat(context.cluster().launched()).filteredOn(l -> l.fullName().equals("node-0-server"))
                .extracting(l -> l.spec().cmd()).containsExactly("serve", "serve --v2");
        Expect.taskRunning("node-0-server").run(context);
    }

    /** node-0's running tasks were launched once more, on the same agent, reservations and volume. */
    private static void assertRelaunchedInPlaceOnce(ServiceTestRunner.Context context, TaskRecord before) {
        Expect.launches("node-0-server", 2).run(context);
        Expect.launches("node-0-side", 2).run(context);
        Expect.taskRunning("node-0-server").run(context);
        Expect.taskRunning("node-0-side").run(context);
        TaskRecord after = record(context, "node-0-server");
        assertThat(after.taskId()).isNotEqualTo(before.taskId());
        assertThat(after.agentId()).isEqualTo(before.agentId());
        assertThat(after.resourceIds()).containsExactlyInAnyOrderElementsOf(before.resourceIds());
        assertThat(after.volumeIds()).containsExactlyElementsOf(before.volumeIds());
        assertThat(context.cluster().volumes(before.agentId())).hasSize(1);
        Expect.planStatus("recovery", Status.COMPLETE).run(context);
    }

    /** Another scheduler restart, and offers: nothing is launched. */
    private static void assertNothingMoreAfterAnotherRestart(ServiceTestRunner.Context context) {
        List<TaskLaunch> launched = context.cluster().launched();
        Send.schedulerRestart().run(context);
        for (int i = 0; i < 3; i++) {
            Send.offers().run(context);
        }
        assertThat(context.cluster().launched()).as("launches after another restart").isEqualTo(launched);
    }

    private static TaskRecord record(ServiceTestRunner.Context context, String name) {
        return context.scheduler().tasks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static TaskState state(ServiceTestRunner.Context context, String name) {
        return record(context, name).lastStatus().orElseThrow().state();
    }

    private static Step step(ServiceTestRunner.Context context, String plan, String name) {
        return context.scheduler().plans().get(plan).steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static ServiceScheduler startScheduler(ClusterBackend backend, Persister persister, SimCluster cluster) {
        ServiceScheduler scheduler = ServiceScheduler.builder().withBackend(backend).withPersister(persister)
                .withClock(cluster.clock()).withEvaluator(OfferEvaluator.builder().build()).build();
        scheduler.start(SchedulerOnSimTest.spec(SPEC), scheduler.directListener());
        cluster.deliver();
        return scheduler;
    }

    private static void offerUntil(ServiceScheduler scheduler, SimCluster cluster,
            java.util.function.Predicate<ServiceScheduler> done) {
        for (int round = 0; round < 30 && !done.test(scheduler); round++) {
            cluster.advance(Duration.ofSeconds(1));
            scheduler.tick();
            cluster.deliver();
            cluster.sendOffers(true);
            cluster.deliver();
        }
        assertThat(done.test(scheduler)).as("done after 30 rounds; tasks: %s", scheduler.tasks()).isTrue();
    }

    private static SimTask live(SimCluster cluster, String name) {
        return cluster.liveTasks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static long launches(SimCluster cluster, String name) {
        return cluster.launched().stream().filter(l -> l.fullName().equals(name)).count();
    }

    /** The cluster, as a scheduler whose kills are lost (it died right after deciding them) reaches it. */
    private record KillsLost(SimCluster cluster) implements ClusterBackend {
        @Override
        public void start(Optional<String> frameworkId, BackendListener listener) {
            cluster.start(frameworkId, listener);
        }

        @Override
        public void accept(Collection<String> offerIds, List<Operation> operations) {
            cluster.accept(offerIds, operations);
        }

        @Override
        public void decline(Collection<String> offerIds, Duration refuseFor) {
            cluster.decline(offerIds, refuseFor);
        }

        @Override
        public void kill(String taskId, Duration gracePeriod) {
            // lost
        }

        @Override
        public void reconcile(Collection<String> taskIds) {
            cluster.reconcile(taskIds);
        }

        @Override
        public void suppress() {
            cluster.suppress();
        }

        @Override
        public void revive() {
            cluster.revive();
        }

        @Override
        public void acknowledge(TaskStatusUpdate update) {
            cluster.acknowledge(update);
        }

        @Override
        public void close() {
            // the cluster outlives its schedulers
        }
    }
}
