package io.stratum.sdk.it.taskzookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.Processes;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.service.RunOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task on the local backend (a real process on a 127.0.0.x agent) reaches the service's ZooKeeper
 * through {@code STRATUM_ZOOKEEPER} with the plain ZooKeeper client and creates a node under
 * {@code STRATUM_ZOOKEEPER_PATH} ({@link CreateNode}). With the embedded ZooKeeper, a restarted
 * scheduler serves on the port its running task was given; with an external one, {@code uninstall}
 * deletes the task's node with the rest of the service's state.
 */
class TaskZooKeeperIT {
    private static final String SPEC = """
            name: zk-tasks
            pods:
              member:
                count: 1
                tasks:
                  server:
                    cmd: env > env && "$JAVA" -Xmx32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$TEST_CLASSPATH" %s > created 2>&1 && exec sleep 100000
                    cpus: 0.1
                    memory: 256
                    env:
                      JAVA: '%s'
                      TEST_CLASSPATH: '%s'
            """.formatted(CreateNode.class.getName(), Path.of(System.getProperty("java.home"), "bin", "java"),
            System.getProperty("java.class.path"));
    private static final String TASKS = "/stratum/zk-tasks/tasks";
    private static final String NODE = TASKS + "/member-0-server";

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    @Test
    void aTaskReachesTheEmbeddedZooKeeperWhosePortARestartedSchedulerKeeps() throws Exception {
        Path spec = LocalServices.writeSpec(dir.resolve("spec"), SPEC);
        RunOptions options = RunOptions.builder(dir.resolve("work")).withApiPort(0).build();
        String given;
        long pid;
        try (LocalServices.Started first = services.start(LocalServices.load(spec), options)) {
            LocalServices.awaitDeployComplete(first.api());
            ServiceApi.Task task = first.api().task("member-0");
            services.track(task.pid());
            pid = task.pid();
            List<String> env = environment(Path.of(task.sandbox()));
            given = value(env, "STRATUM_ZOOKEEPER");
            assertThat(given).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(value(env, "STRATUM_ZOOKEEPER_PATH")).isEqualTo(TASKS);
            assertThat(value(env, "STRATUM_AGENT_ADDRESS")).as("an agent of its own address").startsWith("127.0.0.");
            assertThat(first.output().toString()).contains("state: embedded ZooKeeper at " + given);
            try (CuratorFramework zk = connected(given)) {
                await("the task's node").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                        .until(() -> zk.checkExists().forPath(NODE) != null);
                assertThat(new String(zk.getData().forPath(NODE), StandardCharsets.UTF_8)).isEqualTo(given);
            }
        }
        assertThat(Processes.alive(pid)).as("the task outlives its scheduler").isTrue();

        try (LocalServices.Started second = services.start(LocalServices.load(spec), options)) {
            assertThat(second.output().toString()).as("the restarted scheduler's server")
                    .contains("state: embedded ZooKeeper at " + given);
            LocalServices.awaitDeployComplete(second.api());
            assertThat(second.api().task("member-0").pid()).as("the task re-adopted, not relaunched").isEqualTo(pid);
            try (CuratorFramework zk = connected(given)) {
                assertThat(zk.checkExists().forPath(NODE)).as("the node, at the address the task holds").isNotNull();
            }
        }
    }

    @Test
    void uninstallDeletesTheNodesTasksCreatedInAnExternalZooKeeper() throws Exception {
        try (EmbeddedZooKeeper external = EmbeddedZooKeeper.builder(dir.resolve("zk")).build().start();
             CuratorFramework zk = connected(external.connectString())) {
            Path spec = LocalServices.writeSpec(dir.resolve("spec"), SPEC);
            RunOptions options = RunOptions.builder(dir.resolve("work")).withApiPort(0)
                    .withZooKeeper(external.connectString()).build();
            long pid;
            try (LocalServices.Started service = services.start(LocalServices.load(spec), options)) {
                LocalServices.awaitDeployComplete(service.api());
                ServiceApi.Task task = service.api().task("member-0");
                services.track(task.pid());
                pid = task.pid();
                assertThat(environment(Path.of(task.sandbox())))
                        .contains("STRATUM_ZOOKEEPER=" + external.connectString(), "STRATUM_ZOOKEEPER_PATH=" + TASKS);
                await("the task's node").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                        .until(() -> zk.checkExists().forPath(NODE) != null);
            }

            StringWriter out = new StringWriter();
            io.stratum.sdk.service.Service.builder(LocalServices.load(spec)).build().uninstall(options, new PrintWriter(out));

            assertThat(out.toString()).contains("zk-tasks uninstalled");
            assertThat(Processes.alive(pid)).isFalse();
            assertThat(zk.checkExists().forPath(NODE)).as("the task's node").isNull();
            assertThat(zk.checkExists().forPath("/stratum/zk-tasks")).as("the service's namespace").isNull();
        }
    }

    private static CuratorFramework connected(String connectString) throws InterruptedException {
        CuratorFramework zk = CuratorFrameworkFactory.newClient(connectString, new RetryOneTime(100));
        zk.start();
        assertThat(zk.blockUntilConnected(10, TimeUnit.SECONDS)).as("connected to %s", connectString).isTrue();
        return zk;
    }

    /** @return the lines of the {@code env} file the task wrote: its environment, one {@code NAME=value} a line */
    private static List<String> environment(Path sandbox) {
        await().atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> Files.exists(sandbox.resolve("env")) && Files.size(sandbox.resolve("env")) > 0);
        try {
            return Files.readString(sandbox.resolve("env")).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(List<String> env, String name) {
        return env.stream().filter(line -> line.startsWith(name + "=")).map(line -> line.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + env));
    }
}
