package io.stratum.sdk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.discovery.ServiceZooKeeper;
import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import io.stratum.sdk.internal.state.ZooKeeperClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ZooKeeper a {@link Cluster} gives its services' tasks: the connect string without a chroot
 * (the chroot goes in front of the path), and the embedded server's port, kept in the work dir; a
 * run whose remembered port is taken stops in one line, an uninstall takes another port.
 */
class ClusterZooKeeperTest {
    @TempDir
    Path dir;

    private static final PrintWriter QUIET = new PrintWriter(PrintWriter.nullWriter());

    @Test
    void anExternalConnectStringsChrootMovesToThePath() throws IOException {
        RunOptions options = RunOptions.builder(dir).withZooKeeper("10.0.0.1:2181,10.0.0.2:2181/chroot/").build();
        try (Cluster cluster = Cluster.open(options, QUIET);
             ZooKeeperClient zk = ZooKeeperClient.builder(options.zookeeper(), "group/kafka").build()) {
            assertThat(cluster.forTasks(zk))
                    .isEqualTo(new ServiceZooKeeper("10.0.0.1:2181,10.0.0.2:2181", "/chroot/stratum/group%2Fkafka/tasks"));
        }
        RunOptions plain = RunOptions.builder(dir).withZooKeeper("zk:2181").build();
        try (Cluster cluster = Cluster.open(plain, QUIET);
             ZooKeeperClient zk = ZooKeeperClient.builder(plain.zookeeper(), "kafka").build()) {
            assertThat(cluster.forTasks(zk)).isEqualTo(new ServiceZooKeeper("zk:2181", "/stratum/kafka/tasks"));
        }
    }

    @Test
    void theEmbeddedServerKeepsItsPortAcrossRunsOfAWorkDir() throws IOException {
        RunOptions options = RunOptions.builder(dir).build();
        StringWriter first = new StringWriter();
        String connect;
        try (Cluster cluster = Cluster.open(options, new PrintWriter(first, true));
             ZooKeeperClient zk = ZooKeeperClient.builder("unused:1", "hello").build()) {
            connect = cluster.forTasks(zk).connectString();
            assertThat(connect).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(first.toString()).contains("embedded ZooKeeper at " + connect);
        }
        assertThat(dir.resolve("zookeeper").resolve(EmbeddedZooKeeper.PORT_FILE)).exists();
        try (Cluster cluster = Cluster.open(options, QUIET);
             ZooKeeperClient zk = ZooKeeperClient.builder("unused:1", "hello").build()) {
            assertThat(cluster.forTasks(zk).connectString()).isEqualTo(connect);
        }
    }

    @Test
    void aRunWhoseRememberedPortIsTakenStopsInOneLineAndAnUninstallTakesAnother() throws IOException {
        RunOptions options = RunOptions.builder(dir).build();
        try (Cluster cluster = Cluster.open(options, QUIET)) {
            assertThat(cluster.embedded()).isTrue();
        }
        int port = Integer.parseInt(Files.readString(dir.resolve("zookeeper").resolve(EmbeddedZooKeeper.PORT_FILE)).strip());
        try (ServerSocket taken = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> Cluster.open(options, QUIET).close())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("127.0.0.1:" + port + " (remembered in")
                    .hasMessageContaining("taken by another program")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            try (Cluster removal = Cluster.openForRemoval(options, QUIET);
                 ZooKeeperClient zk = ZooKeeperClient.builder("unused:1", "hello").build()) {
                assertThat(removal.forTasks(zk).connectString()).isNotEqualTo("127.0.0.1:" + port);
            }
        }
    }
}
