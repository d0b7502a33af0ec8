package io.stratum.sdk.it.uninstall;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.cli.StratumCli;
import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.Processes;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stratum uninstall} of a deployed, stopped hello-world: no task process, volume, work dir
 * or (with an external ZooKeeper) ZooKeeper node of the service is left.
 */
class UninstallIT {
    private static final String[] PODS = {"hello-0", "world-0", "world-1"};

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    @Test
    void uninstallLeavesNoProcessVolumeOrWorkDirBehind() throws Exception {
        Path workDir = dir.resolve("work");
        Deployed deployed = deployAndStop(workDir, null);

        Uninstall result = uninstall("uninstall", LocalServices.helloWorld().toString(), "--work-dir", workDir.toString());

        assertThat(result.exitCode()).as("uninstall: %s", result).isZero();
        assertThat(result.out()).contains("hello-world uninstalled");
        deployed.assertGone();
        assertThat(workDir).doesNotExist();
    }

    @Test
    void uninstallWithAnExternalZooKeeperDeletesTheServiceNode() throws Exception {
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.builder(dir.resolve("zk")).build().start();
             CuratorFramework client = CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(100))) {
            client.start();
            assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
            Path workDir = dir.resolve("work");
            Deployed deployed = deployAndStop(workDir, zk.connectString());
            assertThat(client.checkExists().forPath("/stratum/hello-world")).as("the service's state").isNotNull();
            assertThat(workDir.resolve("zookeeper")).as("no embedded ZooKeeper").doesNotExist();

            Uninstall result = uninstall("uninstall", LocalServices.helloWorld().toString(), "--work-dir",
                    workDir.toString(), "--zookeeper", zk.connectString());

            assertThat(result.exitCode()).as("uninstall: %s", result).isZero();
            deployed.assertGone();
            assertThat(workDir).doesNotExist();
            assertThat(client.checkExists().forPath("/stratum/hello-world")).as("the service's ZooKeeper node").isNull();
        }
    }

    /** What a deploy left: its task processes and volume directories. */
    private record Deployed(List<Long> pids, List<Path> volumes) {
        void assertGone() {
            assertThat(pids).as("task processes").noneMatch(Processes::alive);
            assertThat(volumes).as("volume directories").allMatch(v -> !v.toFile().exists());
        }
    }

    private Deployed deployAndStop(Path workDir, String zookeeper) throws Exception {
        List<Long> pids = new ArrayList<>();
        List<Path> volumes = new ArrayList<>();
        try (LocalServices.Started service = services.start(LocalServices.load(LocalServices.helloWorld()), workDir, zookeeper)) {
            ServiceApi api = service.api();
            LocalServices.awaitDeployComplete(api);
            for (ServiceApi.Task task : api.tasksByName(PODS).values()) {
                services.track(task.pid());
                pids.add(task.pid());
                String volume = task.name().startsWith("hello") ? "hello-container-path" : "world-container-path";
                volumes.add(Path.of(task.sandbox()).resolve(volume).toRealPath());
            }
        }
        assertThat(pids).as("a stopped scheduler leaves its tasks running").hasSize(3).allMatch(Processes::alive);
        assertThat(volumes).allMatch(v -> v.toFile().isDirectory());
        return new Deployed(pids, volumes);
    }

    private record Uninstall(int exitCode, String out, String err) {}

    private static Uninstall uninstall(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StratumCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Uninstall(code, out.toString(), err.toString());
    }
}
