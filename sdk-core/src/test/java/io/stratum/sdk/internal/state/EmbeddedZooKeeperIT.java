package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
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

    @Test
    void aRememberedPortIsTakenAgainByTheNextServerOnTheDirectory() throws IOException {
        int port;
        try (EmbeddedZooKeeper first = EmbeddedZooKeeper.builder(dir).withRememberedPort().build().start()) {
            port = first.port();
            assertThat(Files.readString(dir.resolve(EmbeddedZooKeeper.PORT_FILE)).strip()).isEqualTo(Integer.toString(port));
        }
        try (EmbeddedZooKeeper second = EmbeddedZooKeeper.builder(dir).withRememberedPort().build().start()) {
            assertThat(second.port()).as("the port of the server before").isEqualTo(port);
            assertThat(FourLetterWord.ask("127.0.0.1", port, "ruok", Duration.ofSeconds(5))).isEqualTo("imok");
        }
        try (EmbeddedZooKeeper forgetful = EmbeddedZooKeeper.builder(dir).build().start()) {
            assertThat(forgetful.port()).as("without remembering, any free port").isPositive();
        }
        assertThat(Files.readString(dir.resolve(EmbeddedZooKeeper.PORT_FILE)).strip()).isEqualTo(Integer.toString(port));
    }

    @Test
    void aRememberedPortTakenByAnotherProgramFailsTheStartAtOnceSayingSo() throws IOException {
        int port;
        try (EmbeddedZooKeeper first = EmbeddedZooKeeper.builder(dir).withRememberedPort().build().start()) {
            port = first.port();
        }
        try (ServerSocket taken = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
             EmbeddedZooKeeper zk = EmbeddedZooKeeper.builder(dir).withRememberedPort().build()) {
            long start = System.nanoTime();
            assertThatThrownBy(zk::start)
                    .isInstanceOf(EmbeddedZooKeeper.PortTakenException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining(dir.resolve(EmbeddedZooKeeper.PORT_FILE).toString())
                    .hasMessageContaining("taken by another program")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                    .satisfies(e -> assertThat(((EmbeddedZooKeeper.PortTakenException) e).port()).isEqualTo(port));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(zk.isRunning()).isFalse();
            assertThat(zk.port()).isZero();
        }
    }

    @Test
    void aDamagedPortFileIsReplacedByAFreePort() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(EmbeddedZooKeeper.PORT_FILE), "not a port");
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.builder(dir).withRememberedPort().build().start()) {
            assertThat(Files.readString(dir.resolve(EmbeddedZooKeeper.PORT_FILE)).strip())
                    .isEqualTo(Integer.toString(zk.port()));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
