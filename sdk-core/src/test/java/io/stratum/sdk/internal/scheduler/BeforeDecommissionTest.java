package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.backend.sim.SimTask;
import io.stratum.sdk.backend.sim.TaskBehaviour;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.spec.SpecJson;
import io.stratum.sdk.internal.state.Batch;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.internal.state.PersisterException;
import io.stratum.sdk.internal.state.ReadThroughPersister;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pod's {@code before-decommission} tasks run in an instance being decommissioned, in place
 * beside its running server, before the server is killed and the instance's volume destroyed.
 */
class BeforeDecommissionTest {
    static final String SPEC = """
            name: ring
            pods:
              node:
                count: 4
                allow-decommission: true
                before-decommission: [decommission]
                volume: {path: data, type: ROOT, size: 512}
                tasks:
                  server:
                    cmd: serve
                    cpus: 0.5
                    memory: 256
                    ports: {jmx: {port: 0, env-key: JMX_PORT}}
                  decommission: {cmd: nodetool decommission, cpus: 0.1, memory: 32, goal: ONCE}
            """;
    private static final String BEFORE = "node-3:[decommission]";
    private static final String REMOVAL = "node-3:[server]";

    private static ServiceSpec spec(String yaml) {
        return SchedulerOnSimTest.spec(yaml);
    }

    private static ServiceSpec scaledIn() {
        return spec(SPEC.replace("count: 4", "count: 3"));
    }

    private static ServiceTestRunner.Context deployed(ServiceTestRunner runner) {
        return runner.run(Send.offersUntilComplete("deploy", 30), Expect.planStatus("deploy", Status.COMPLETE));
    }

    private static ServiceTestRunner runner() {
        return ServiceTestRunner.builder(spec(SPEC)).build();
    }

    @Test
    void scalingInRunsTheDecommissionTaskBesideTheServerBeforeTheServerIsKilled() {
        var context = deployed(runner());
        assertThat(context.cluster().launched()).extracting(TaskLaunch::fullName).noneMatch(n -> n.endsWith("-decommission"));
        TaskRecord server = record(context, "node-3-server");
        context.cluster().script("node-3-decommission", TaskBehaviour.states(TaskState.STARTING, TaskState.RUNNING));

        Send.configUpdate(scaledIn()).run(context);
        Send.offers().run(context);
        Send.offers().run(context);

        Expect.stepStatus("decommission", BEFORE, Status.STARTED).run(context);
        Expect.stepStatus("decommission", REMOVAL, Status.PENDING).run(context);
        Expect.taskRunning("node-3-server").run(context);
        assertThat(killsOf(context.cluster(), server.taskId())).isEmpty();
        TaskLaunch decommission = onlyLaunch(context.cluster(), "node-3-decommission");
        TaskLaunch serverLaunch = onlyLaunch(context.cluster(), "node-3-server");
        assertThat(context.liveTask("node-3-decommission").agentId()).isEqualTo(server.agentId());
        assertThat(volumes(decommission)).as("the server's own volume").isEqualTo(volumes(serverLaunch))
                .hasSize(1);
        assertThat(decommission.env()).containsEntry("JMX_PORT", serverLaunch.env().get("JMX_PORT"))
                .containsEntry("PORT_JMX", serverLaunch.env().get("JMX_PORT"))
                .containsEntry("TASK_NAME", "node-3-decommission").containsEntry("POD_INSTANCE_INDEX", "3");

        Send.status("node-3-decommission", TaskState.FINISHED).run(context);
        SimTask finished = context.cluster().task(decommission.taskId()).orElseThrow();
        assertThat(killsOf(context.cluster(), server.taskId())).singleElement()
                .satisfies(kill -> assertThat(kill.at()).isAfterOrEqualTo(finished.status().timestamp()));
        assertThat(killsOf(context.cluster(), decommission.taskId())).isEmpty();
        Send.offersUntilComplete("decommission", 10).run(context);

        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        assertThat(context.scheduler().tasks()).extracting(TaskRecord::podInstanceName).doesNotContain("node-3");
        Send.offers().run(context); // garbage collection: the erased instance's volume is destroyed
        assertThat(context.cluster().volumes(server.agentId()).stream().flatMap(r -> r.volume().stream())
                .map(PersistentVolume::persistenceId)).doesNotContainAnyElementsOf(server.volumeIds());
        Expect.launches("node-3-decommission", 1).run(context);
        Expect.taskRunning("node-2-server").run(context);
        assertThat(context.cluster().errors()).isEmpty();
    }

    @Test
    void aFailedDecommissionKeepsTheServerRunningAndIsRetriedWithBackoff() {
        var context = deployed(ServiceTestRunner.builder(spec(SPEC)).withSettings(SchedulerSettings.DEFAULT
                .withBackoff(new Backoff(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(5)))).build());
        TaskRecord server = record(context, "node-3-server");
        context.cluster().script("node-3-decommission", TaskBehaviour.failAfterRunning("nodetool: connection refused"));

        Send.configUpdate(scaledIn()).run(context);
        Send.offers().run(context);
        Send.offers().run(context);
        Send.offers().run(context);

        // the first failure relaunches at once, the second backs off
        Expect.launches("node-3-decommission", 2).run(context);
        Expect.stepStatus("decommission", BEFORE, Status.DELAYED).run(context);
        Expect.taskRunning("node-3-server").run(context);
        assertThat(killsOf(context.cluster(), server.taskId())).isEmpty();
        assertThat(step(context, BEFORE).failures()).isEqualTo(2);
        Send.offers().run(context);
        Expect.launches("node-3-decommission", 2).run(context);

        context.cluster().clearScripts();
        Send.time(Duration.ofMinutes(5)).run(context);
        Send.offersUntilComplete("decommission", 10).run(context);

        Expect.launches("node-3-decommission", 3).run(context);
        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        assertThat(killsOf(context.cluster(), server.taskId())).hasSize(1);
        assertThat(context.scheduler().plans().get("recovery").steps()).as("no recovery of the failures").isEmpty();
    }

    @Test
    void anOperatorForcesAFailingDecommissionOnWithForceComplete() {
        var context = deployed(runner());
        TaskRecord server = record(context, "node-3-server");
        context.cluster().script("node-3-decommission", TaskBehaviour.failAfterRunning("nodetool: connection refused"));
        Send.configUpdate(scaledIn()).run(context);
        Send.offers().run(context);
        Send.offers().run(context);
        Expect.stepStatus("decommission", BEFORE, Status.DELAYED).run(context);

        step(context, BEFORE).forceComplete();
        context.scheduler().tick();
        context.settle();

        assertThat(killsOf(context.cluster(), server.taskId())).hasSize(1);
        Send.offersUntilComplete("decommission", 10).run(context);
        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        Expect.launches("node-3-decommission", 2).run(context);
    }

    @Test
    void aRestartWhileTheDecommissionRunsNeitherLaunchesItAgainNorKillsTheServerBeforeItFinished() {
        var context = deployed(runner());
        TaskRecord server = record(context, "node-3-server");
        context.cluster().script("node-3-decommission", TaskBehaviour.states(TaskState.STARTING, TaskState.RUNNING));
        Send.configUpdate(scaledIn()).run(context);
        Send.offers().run(context);
        Expect.stepStatus("decommission", BEFORE, Status.STARTED).run(context);

        Send.schedulerRestart(scaledIn()).run(context);
        Send.offers().run(context);
        Send.offers().run(context);

        Expect.stepStatus("decommission", BEFORE, Status.STARTED).run(context);
        Expect.launches("node-3-decommission", 1).run(context);
        Expect.taskRunning("node-3-server").run(context);
        assertThat(killsOf(context.cluster(), server.taskId())).isEmpty();

        Send.status("node-3-decommission", TaskState.FINISHED).run(context);
        Send.offersUntilComplete("decommission", 10).run(context);
        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        assertThat(killsOf(context.cluster(), server.taskId())).hasSize(1);
        Expect.launches("node-3-decommission", 1).run(context);
    }

    @Test
    void aDecommissionThatFinishedWhileNoSchedulerRanIsNotRunAgain() {
        var context = deployed(runner());
        TaskRecord server = record(context, "node-3-server");
        context.cluster().script("node-3-decommission", TaskBehaviour.states(TaskState.STARTING, TaskState.RUNNING));
        Send.configUpdate(scaledIn()).run(context);
        Send.offers().run(context);
        String id = context.liveTask("node-3-decommission").taskId();

        context.cluster().finish(id); // queued: the scheduler that hears it is the next one
        Send.schedulerRestart(scaledIn()).run(context);
        Send.offersUntilComplete("decommission", 10).run(context);

        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        Expect.launches("node-3-decommission", 1).run(context);
        assertThat(killsOf(context.cluster(), server.taskId())).hasSize(1);
    }

    @Test
    void aFinishWhoseProgressWasNeverStoredIsTakenFromTheTaskRecordAfterARestart() {
        DyingPersister persister = new DyingPersister(Persister.inMemory());
        var context = deployed(ServiceTestRunner.builder(spec(SPEC)).withPersister(persister).build());
        TaskRecord server = record(context, "node-3-server");
        context.cluster().script("node-3-decommission", TaskBehaviour.states(TaskState.STARTING, TaskState.RUNNING));
        Send.configUpdate(scaledIn()).run(context);
        Send.offers().run(context);

        // the scheduler stores the task's FINISHED, kills the server, and dies storing the plan's progress
        persister.dieAt = "/plans/decommission";
        assertThatThrownBy(() -> Send.status("node-3-decommission", TaskState.FINISHED).run(context))
                .isInstanceOf(PersisterException.class);
        persister.dieAt = null;
        Send.schedulerRestart(scaledIn()).run(context);
        Send.offersUntilComplete("decommission", 10).run(context);

        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        Expect.launches("node-3-decommission", 1).run(context);
        assertThat(context.scheduler().tasks()).extracting(TaskRecord::podInstanceName).doesNotContain("node-3");
        assertThat(killsOf(context.cluster(), server.taskId())).isNotEmpty();
    }

    /** A store whose writer dies (the write fails) when it writes under {@link #dieAt}. */
    private static final class DyingPersister extends ReadThroughPersister {
        volatile String dieAt;

        DyingPersister(Persister underlying) {
            super(underlying);
        }

        private void check(String path) {
            if (dieAt != null && path.startsWith(dieAt)) {
                throw new PersisterException(PersisterException.Reason.UNAVAILABLE, path, "the scheduler died here", null);
            }
        }

        @Override
        public void set(String path, byte[] value) {
            check(path);
            underlying().set(path, value);
        }

        @Override
        public void delete(String path) {
            check(path);
            underlying().delete(path);
        }

        @Override
        public void apply(Batch batch) {
            batch.operations().forEach(op -> check(op.path()));
            underlying().apply(batch);
        }
    }

    @Test
    void anInstanceWhoseServerAlreadyDiedIsRemovedWithoutItsDecommissionTask() {
        var context = deployed(runner());
        String id = context.liveTask("node-3-server").taskId();

        Send.configUpdate(scaledIn()).run(context);
        context.cluster().fail(id, "crashed");
        context.settle();
        Send.offersUntilComplete("decommission", 10).run(context);

        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        Expect.stepStatus("decommission", BEFORE, Status.COMPLETE).run(context);
        Expect.launches("node-3-decommission", 0).run(context);
        Expect.launches("node-3-server", 1).run(context);
        assertThat(context.scheduler().tasks()).extracting(TaskRecord::podInstanceName).doesNotContain("node-3");
    }

    @Test
    void aRemovedPodTypeRunsTheDecommissionTasksOfTheSpecItsInstancesRanWith() {
        String withOther = SPEC.replace("count: 4", "count: 2") + """
                  other:
                    count: 1
                    tasks:
                      server: {cmd: serve, cpus: 0.1, memory: 32}
                """;
        var context = deployed(ServiceTestRunner.builder(spec(withOther)).build());
        String without = withOther.substring(0, withOther.indexOf("  node:")) + withOther.substring(withOther.indexOf("  other:"));

        Send.configUpdate(spec(without)).run(context);
        Send.offersUntilComplete("decommission", 20).run(context);

        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        assertThat(context.scheduler().plans().get("decommission").steps()).extracting(Step::name)
                .containsExactly("node-1:[decommission]", "node-1:[server]", "node-0:[decommission]", "node-0:[server]");
        Expect.launches("node-1-decommission", 1).run(context);
        Expect.launches("node-0-decommission", 1).run(context);
        assertThat(context.scheduler().tasks()).extracting(TaskRecord::podInstanceName).containsExactly("other-0");
    }

    @Test
    void aPausedInstanceRunsItsDecommissionTaskAsSpecifiedNotIdle() {
        var context = deployed(runner());
        context.scheduler().pausePod("node-3");
        Send.offers().run(context);
        Send.offers().run(context);
        assertThat(context.liveTask("node-3-server").launch().spec().cmd()).isEqualTo(PodCommands.IDLE_COMMAND);

        Send.configUpdate(scaledIn()).run(context);
        Send.offersUntilComplete("decommission", 10).run(context);

        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        assertThat(onlyLaunch(context.cluster(), "node-3-decommission").spec().cmd()).isEqualTo("nodetool decommission");
    }

    @Test
    void aConfigUpdateNamingARunningTaskBeforeDecommissionIsRefusedWhereItSaysSo() throws Exception {
        var context = deployed(runner());

        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(SpecJson.toJson(scaledIn()));
        ((ObjectNode) json.path("pods").path("node")).set("beforeDecommission",
                new ObjectMapper().valueToTree(List.of("server", "decomission")));
        Send.configUpdate(SpecJson.fromJson(json.toString())).run(context);

        Expect.configRefused("pods.node.before-decommission[0]", "task 'server' has goal RUNNING").run(context);
        Expect.configRefused("pods.node.before-decommission[1]", "unknown task 'decomission'",
                "did you mean 'decommission'?").run(context);
        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        Expect.taskRunning("node-3-server").run(context);
    }

    private static Step step(ServiceTestRunner.Context context, String name) {
        return context.scheduler().plans().get("decommission").steps().stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow();
    }

    private static TaskRecord record(ServiceTestRunner.Context context, String name) {
        return context.scheduler().tasks().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static TaskLaunch onlyLaunch(SimCluster cluster, String name) {
        List<TaskLaunch> launches = cluster.launched().stream().filter(l -> l.fullName().equals(name)).toList();
        assertThat(launches).as("launches of " + name).hasSize(1);
        return launches.get(0);
    }

    private static List<SimCluster.KillRequest> killsOf(SimCluster cluster, String taskId) {
        return cluster.kills().stream().filter(k -> k.taskId().equals(taskId)).toList();
    }

    private static List<String> volumes(TaskLaunch launch) {
        return launch.resources().stream().flatMap(r -> r.volume().stream()).map(PersistentVolume::persistenceId).toList();
    }
}
