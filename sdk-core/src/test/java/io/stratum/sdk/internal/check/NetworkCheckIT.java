package io.stratum.sdk.internal.check;

import static io.stratum.sdk.internal.check.CheckFixtures.context;
import static io.stratum.sdk.internal.check.CheckFixtures.every;
import static io.stratum.sdk.internal.check.CheckFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.stratum.sdk.spec.CheckProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP checks against an in-test server, TCP checks against a server socket, all on 127.0.0.1. */
class NetworkCheckIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path sandbox;

    private final CheckRunner runner = CheckRunner.builder().build();
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        status("/ok", 200);
        status("/moved", 302);
        status("/broken", 503);
        server.start();
    }

    @AfterEach
    void stop() {
        runner.close();
        server.stop(0);
    }

    private void status(String path, int status) {
        server.createContext(path, exchange -> {
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "/broken");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
    }

    private CheckResult firstResult(CheckProbe probe, Map<String, Integer> ports) {
        CheckFixtures.Recorder recorder = new CheckFixtures.Recorder();
        start(runner, CheckKind.HEALTH, probe, every(100, 2_000, 1), context(sandbox, Map.of(), ports), recorder);
        await().atMost(WAIT).until(() -> !recorder.results.isEmpty());
        return recorder.results.get(0);
    }

    private Map<String, Integer> httpPort() {
        return Map.of("http", server.getAddress().getPort());
    }

    @Test
    void httpPassesOn2xx() {
        CheckResult result = firstResult(new CheckProbe.Http("http", "/ok", null), httpPort());

        assertThat(result.passed()).isTrue();
        assertThat(result.output()).startsWith("HTTP 200 from GET http://127.0.0.1:");
    }

    @Test
    void httpPassesOn3xxWithoutFollowingTheRedirect() {
        CheckResult result = firstResult(new CheckProbe.Http("http", "/moved", null), httpPort());

        assertThat(result.passed()).isTrue();
        assertThat(result.output()).startsWith("HTTP 302");
    }

    @Test
    void httpFailsOn5xx() {
        CheckResult result = firstResult(new CheckProbe.Http("http", "/broken", null), httpPort());

        assertThat(result.passed()).isFalse();
        assertThat(result.output()).startsWith("HTTP 503");
    }

    @Test
    void httpFailsWhenNothingListens() throws IOException {
        CheckResult result = firstResult(new CheckProbe.Http("http", "/ok", null), Map.of("http", freePort()));

        assertThat(result.passed()).isFalse();
        assertThat(result.output()).startsWith("GET http://127.0.0.1:");
    }

    @Test
    void tcpPassesWhenAConnectionOpens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CheckResult result = firstResult(new CheckProbe.Tcp("native"), Map.of("native", socket.getLocalPort()));

            assertThat(result.passed()).isTrue();
            assertThat(result.output()).isEqualTo("connected to 127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void tcpFailsWhenNothingListens() throws IOException {
        CheckResult result = firstResult(new CheckProbe.Tcp("native"), Map.of("native", freePort()));

        assertThat(result.passed()).isFalse();
        assertThat(result.output()).startsWith("cannot connect to 127.0.0.1:");
    }

    @Test
    void aProbeOnAPortTheTaskDoesNotHaveIsRejectedAtStart() {
        assertThatThrownBy(() -> start(runner, CheckKind.HEALTH, new CheckProbe.Tcp("admin"), every(100, 1_000, 1),
                context(sandbox, Map.of(), Map.of("http", 8080)), result -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no port named 'admin'");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
