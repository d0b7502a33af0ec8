package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedZooKeeperIT {
    @TempDir
    Path dir;

    @Test
    void servesOnLoopbackAtARandomPortKeptAcrossRestarts() throws IOException {
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.builder(dir).build()) {
            assertThat(zk.port()).isZero();
            assertThatThrownBy(zk::connectString).isInstanceOf(IllegalStateException.class);
            zk.start();
            int port = zk.port();
            assertThat(port).isPositive();
            assertThat(zk.connectString()).isEqualTo("127.0.0.1:" + port);
            assertThat(FourLetterWord.ask("127.0.0.1", port, "srvr", Duration.ofSeconds(5))).contains("Mode: standalone");

            zk.stop();
            assertThat(zk.isRunning()).isFalse();
            assertThatThrownBy(() -> FourLetterWord.ask("127.0.0.1", port, "ruok", Duration.ofSeconds(1)))
                    .isInstanceOf(IOException.class);

            zk.start();
            assertThat(zk.port()).isEqualTo(port);
            assertThat(FourLetterWord.ask("127.0.0.1", port, "ruok", Duration.ofSeconds(5))).isEqualTo("imok");
            assertThat(zk.dataDir()).isDirectory();
        }
    }

    @Test
    void aFixedPortIsUsed() throws IOException {
        int port = freePort();
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.builder(dir).withPort(port).build().start()) {
            assertThat(zk.connectString()).isEqualTo("127.0.0.1:" + port);
        }
    }

    @Test
    void aServerThatCannotServeFailsToStartWithinItsTimeout() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             EmbeddedZooKeeper zk = EmbeddedZooKeeper.builder(dir).withPort(taken.getLocalPort())
                     .withStartTimeout(Duration.ofSeconds(2)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(zk::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not start");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(zk.isRunning()).isFalse();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
