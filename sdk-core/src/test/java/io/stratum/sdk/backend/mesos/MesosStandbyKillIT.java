package io.stratum.sdk.backend.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.SchedulerJvm;
import io.stratum.sdk.it.ServiceApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot standby (issue 12): two {@code stratum run --mesos} JVMs for hello-world on one ZooKeeper and
 * one master ({@link TestMaster} in this JVM); the leader is killed with SIGKILL mid-deploy, and the
 * standby that took over is killed once the deploy is COMPLETE, a third JVM standing by. Each time
 * the standby takes over, the deploy completes, and the tasks that ran are adopted (re-subscribed
 * as the same framework, reconciled), never launched again.
 *
 * <p>The session timeout bounds the takeover: the dead leader's lock node goes only when its
 * session expires. ZooKeeper runs here with a tick of 200 ms, which caps sessions at 4 s (the
 * server's 20 ticks; the scheduler asks for 30 s): short enough for a fast test, long enough
 * that a loaded 2-core machine's pauses do not expire a live leader's session. Prints
 * {@code FIGURE standby-takeover} (SIGKILL to "took over") for each kill.
 */
class MesosStandbyKillIT {
    private static final String[] PODS = {"hello-0", "world-0", "world-1"};

    @RegisterExtension
    final MesosFixture fixture = new MesosFixture();

    @TempDir
    Path dir;

    private final List<SchedulerJvm> jvms = new ArrayList<>();
    private boolean passed;

    @Test
    void theStandbyTakesOverAKilledLeaderAndAdoptsItsTasks() throws Exception {
        for (int i = 1; i <= 3; i++) {
            fixture.cluster.agent("agent-" + i, 2, 2048, 4096);
        }
        TestMaster master = fixture.master();
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.builder(dir.resolve("zk")).withTickTime(Duration.ofMillis(200))
                .build().start()) {
            SchedulerJvm leader = start("a", master, zk);
            ServiceApi api = leader.awaitApi();
            SchedulerJvm standby = start("b", master, zk);
            awaitOutput(standby, "waiting as standby");

            await("a launch, mid-deploy").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                    .until(() -> !launches().isEmpty());
            Map<String, String> running = runningTaskIds(api);
            takeover(leader, standby, "mid-deploy");
            ServiceApi second = standby.awaitApi();
            LocalServices.awaitDeployComplete(second);
            assertAdopted(second, running);

            SchedulerJvm third = start("c", master, zk);
            awaitOutput(third, "waiting as standby");
            Map<String, String> deployed = runningTaskIds(second);
            assertThat(deployed).hasSize(PODS.length);
            takeover(standby, third, "after the deploy");
            ServiceApi last = third.awaitApi();
            LocalServices.awaitDeployComplete(last);
            assertAdopted(last, deployed);
            assertThat(launches()).as("each task launched once, whatever the kills").allSatisfy((name, n) ->
                    assertThat(n).as(name).isEqualTo(1));
            passed = true;
        }
    }

    private void takeover(SchedulerJvm leader, SchedulerJvm standby, String when) throws Exception {
        long killed = System.nanoTime();
        leader.kill9();
        awaitOutput(standby, "took over as the active scheduler");
        System.out.printf("FIGURE standby-takeover (SIGKILL of the leader %s, 4 s session): %.2f s%n", when,
                (System.nanoTime() - killed) / 1e9);
    }

    /** The tasks that ran before are the same tasks now (same ids), running. */
    private static void assertAdopted(ServiceApi api, Map<String, String> before) {
        Map<String, String> now = await().atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> runningTaskIds(api), ids -> ids.keySet().containsAll(before.keySet()));
        before.forEach((name, id) -> assertThat(now.get(name)).as("%s adopted, not relaunched", name).isEqualTo(id));
    }

    private static Map<String, String> runningTaskIds(ServiceApi api) {
        return api.tasksByName(PODS).values().stream().filter(t -> t.state().equals("RUNNING"))
                .collect(Collectors.toMap(ServiceApi.Task::name, ServiceApi.Task::id));
    }

    /** @return how often each task name was launched on the master */
    private Map<String, Integer> launches() {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode call : fixture.cluster.calls("ACCEPT")) {
            for (JsonNode op : call.path("accept").path("operations")) {
                for (JsonNode task : op.path("launch_group").path("task_group").path("tasks")) {
                    counts.merge(task.path("name").asText(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private SchedulerJvm start(String name, TestMaster master, EmbeddedZooKeeper zk) throws Exception {
        SchedulerJvm jvm = SchedulerJvm.run(LocalServices.helloWorld(), dir.resolve(name), dir.resolve(name + ".log"),
                "--mesos", master.uri().toString(), "--zookeeper", zk.connectString());
        jvms.add(jvm);
        return jvm;
    }

    private static void awaitOutput(SchedulerJvm jvm, String line) {
        await("'" + line + "' from " + jvm.handle().pid()).atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> jvm.output().contains(line));
    }

    @AfterEach
    void stopTheSchedulers() throws Exception {
        for (SchedulerJvm jvm : jvms) {
            jvm.close();
            if (!passed) {
                System.out.println("--- output of scheduler JVM " + jvm.handle().pid() + " ---\n" + jvm.output());
            }
        }
    }
}
