package io.stratum.sdk.cli;

import static io.stratum.sdk.cli.CliBadInputTest.args;
import static io.stratum.sdk.cli.CliBadInputTest.assertNothingOfJava;
import static io.stratum.sdk.cli.CliBadInputTest.required;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every client command against servers that are not a working Stratum API, on real loopback
 * sockets: a closed port, one that never answers, one that stops after its headers, one that
 * hangs up, one that answers HTML or plain text, one that fails with a 500. Each ends in one line
 * saying what is wrong, exit 1, within the timeout, and nothing of Java.
 */
class CliServerFailuresTest {
    private static final String SPEC = Path.of("..", "examples", "hello-world", "svc.yml").toString();
    private static final List<FakeServer> SERVERS = new ArrayList<>();
    private static String refused;
    private static int tried;

    @BeforeAll
    static void closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused = "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @AfterAll
    static void close() throws IOException {
        for (FakeServer server : SERVERS) {
            server.close();
        }
        System.out.println("CliServerFailuresTest: " + tried + " invocations against failing servers tried");
    }

    private static FakeServer start(FakeServer server) {
        SERVERS.add(server);
        return server;
    }

    /** A server and what every command must say about it. */
    private record Case(String url, String expected) {}

    @TestFactory
    Stream<DynamicTest> everyClientCommandExplainsAServerThatIsNotAWorkingStratumApi() throws IOException {
        FakeServer silent = start(FakeServer.of(FakeServer.Mode.SILENT));
        FakeServer headersOnly = start(FakeServer.of(FakeServer.Mode.HEADERS_ONLY));
        FakeServer hangsUp = start(FakeServer.of(FakeServer.Mode.CLOSE));
        FakeServer html = start(FakeServer.answering(200, "text/html; charset=utf-8",
                "<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head>\n<body>hello</body></html>\n"));
        FakeServer htmlNotFound = start(FakeServer.answering(404, "text/html", "<html><body>Not Found</body></html>"));
        FakeServer text = start(FakeServer.answering(500, "text/plain", "Internal Server Error\nat line 3"));
        FakeServer jsonError = start(FakeServer.answering(500, "application/json", "{\"error\": \"the store is down\"}"));
        List<Case> cases = List.of(
                new Case(refused, "cannot reach the API at " + refused + " (connection refused): is the scheduler running?"),
                new Case(silent.url(), "the API at " + silent.url() + " did not answer within 500 ms"),
                new Case(headersOnly.url(), "the API at " + headersOnly.url() + " did not answer within 500 ms"),
                new Case(hangsUp.url(), "cannot reach the API at " + hangsUp.url() + ": the connection failed before an answer"),
                new Case(html.url(), "the server at " + html.url() + " is not a Stratum API (answered 200, text/html"),
                new Case(htmlNotFound.url(), "the server at " + htmlNotFound.url() + " is not a Stratum API (answered 404, text/html"),
                new Case(text.url(), "the server at " + text.url() + " is not a Stratum API (answered 500, text/plain"),
                new Case(jsonError.url(), "API answered 500: the store is down"),
                new Case("http://no-such-host.invalid:8080", "cannot reach the API at http://no-such-host.invalid:8080"));
        List<DynamicTest> tests = new ArrayList<>();
        CliBadValuesTest.clientCommands().forEach(command -> cases.forEach(c -> {
            String[] args = args(command, positionals(command), "--api", c.url(), "--timeout", "500ms", "--api-token", "t");
            tests.add(DynamicTest.dynamicTest(String.join(" ", args), () -> {
                tried++;
                long started = System.nanoTime();
                CliRun run = CliRun.of(Map.of(), args);
                assertFailure(run, command.qualifiedName(), c.expected());
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the timeout")
                        .isLessThan(Duration.ofSeconds(20));
            }));
        }));
        return tests.stream();
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpAfterTheDefaultTimeout() throws IOException {
        FakeServer silent = start(FakeServer.of(FakeServer.Mode.SILENT));
        long started = System.nanoTime();

        CliRun run = CliRun.of(Map.of("STRATUM_API", silent.url()), "plan", "list");

        assertFailure(run, "stratum plan list", "the API at " + silent.url() + " did not answer within 10 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(25));
    }

    private static void assertFailure(CliRun run, String command, String expected) {
        assertThat(run.exitCode()).as("exit code of %s", run).isEqualTo(StratumCli.INTERNAL);
        assertThat(run.err().lines()).as("%s", run).hasSize(1);
        assertThat(run.err().strip()).startsWith(command + ": ").contains(expected);
        assertNothingOfJava(run.err());
    }

    private static String[] positionals(CommandSpec command) {
        return command.name().equals("update") ? new String[] {SPEC} : required(command);
    }
}
