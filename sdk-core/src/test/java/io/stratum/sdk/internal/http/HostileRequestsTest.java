package io.stratum.sdk.internal.http;

import static io.stratum.sdk.internal.http.ApiFixture.assertRefused;
import static io.stratum.sdk.internal.http.ApiFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.internal.spec.SpecJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests no well-behaved client sends, over raw sockets against the whole v1 API: each is
 * refused with its status and a JSON error naming the part of the request at fault in the
 * user's terms (a header, the path, a query parameter, a field's path in the body), never a Java
 * name nor an HTML page, and the scheduler's state is untouched.
 */
class HostileRequestsTest {
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final String PUT_TARGET = "/v1/configurations/target";
    private static final String START = "/v1/plans/deploy/start";
    private static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        api.close();
        System.out.println("HostileRequestsTest: " + TRIED.get() + " hostile requests tried");
    }

    private static RawHttp.Answer send(byte[] raw) throws Exception {
        TRIED.incrementAndGet();
        return api.send(raw);
    }

    private static RawHttp.Answer send(String raw) throws Exception {
        return send(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Stream<Arguments> malformedRequestLines() {
        return Stream.of(
                arguments("GARBAGE\r\n\r\n", 400, "request line"),
                arguments("GET\r\n\r\n", 400, "request line"),
                arguments("GET /v1/health\r\n\r\n", 505, "request line"),
                arguments("GET /v1/health HTTP/9.9\r\nHost: x\r\n\r\n", 505, "request line"),
                arguments("GET /v1/health HTTP/1.1 extra\r\nHost: x\r\n\r\n", 400, "request line"),
                arguments("GET v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 400, "request line"),
                arguments("GET * HTTP/1.1\r\nHost: x\r\n\r\n", 400, "path"),
                arguments("\u0001\u0002\u0003 / HTTP/1.1\r\n\r\n", 400, "request line"),
                arguments("GET /v1/health HTTP/1.1\r\n\r\n", 400, "Host"),
                arguments("GET /v1/health HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n", 400, "headers"),
                arguments("GET /v1/health HTTP/1.1\r\nHost : x\r\n\r\n", 400, "headers"),
                arguments("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Ctl: a\u0000b\r\n\r\n", 400, "headers"),
                arguments("BREW /v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 405, "method"),
                arguments("DELETE /v1/plans/deploy HTTP/1.1\r\nHost: x\r\n\r\n", 405, "method"),
                arguments("GET /v1/nothing HTTP/1.1\r\nHost: x\r\n\r\n", 404, "path"));
    }

    @ParameterizedTest
    @MethodSource
    void malformedRequestLines(String raw, int status, String parameter) throws Exception {
        assertRefused(send(raw), status, parameter);
    }

    static Stream<Arguments> badEscapesAndNonAsciiPaths() {
        return Stream.of(
                arguments("/v1/pod/%zz/status", "request line"),
                arguments("/v1/pod/%/status", "request line"),
                arguments("/v1/pod/%4/status", "request line"),
                arguments("/v1/pod/%00/status", "request line"),
                arguments("/v1/pod/%C3%28/status", "path"),
                arguments("/v1/pod/%FF/status", "path"),
                arguments("/v1/pod/a%2Fb/status", "path"),
                arguments("/v1/pod/%2e%2e/status", "path"),
                arguments("/v1/pod/h\u00c3\u00a9llo/status", "path"),
                arguments("/v1/pod/\u00ff/status", "path"),
                arguments("/v1/pod/\u00e2\u0080\u00a8/status", "path"),
                arguments("/v1/plans/deploy?%zz=1", "query"),
                arguments("/v1/plans/deploy?phase=%zz", "phase"),
                arguments("/v1/plans/deploy?\u00c3\u00a9=1", "query"));
    }

    @ParameterizedTest
    @MethodSource
    void badEscapesAndNonAsciiPaths(String target, String parameter) throws Exception {
        RawHttp.Answer answer = send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertRefused(answer, 400, target.contains("phase=") ? null : parameter);
        assertThat(answer.json().path("parameter").asText()).isIn(parameter, "path", "request line", "query", "phase");
    }

    @Test
    void hugeOrManyHeadersAreAnswered431AndAHugePath414() throws Exception {
        assertRefused(send("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(1_000_000) + "\r\n\r\n"), 431,
                "headers");
        assertRefused(send("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"), 431,
                "headers");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        assertRefused(send("GET /v1/health HTTP/1.1\r\nHost: x\r\n" + many + "\r\n"), 431, "headers");
        StringBuilder hundredAndOne = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            hundredAndOne.append("X-").append(i).append(": v\r\n");
        }
        assertRefused(send("GET /v1/health HTTP/1.1\r\nHost: x\r\n" + hundredAndOne + "\r\n"), 431, "headers");
        assertRefused(send("GET /v1/pod/" + "a".repeat(100_000) + "/status HTTP/1.1\r\nHost: x\r\n\r\n"), 414, "path");
        assertRefused(send("GET /v1/plans/deploy?phase=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414,
                "path");
    }

    static Stream<Arguments> badContentLengths() {
        String head = "POST " + START + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
        return Stream.of(
                arguments(head + "Content-Length: abc\r\n\r\n{}", 400, "Content-Length"),
                arguments(head + "Content-Length: -1\r\n\r\n{}", 400, "Content-Length"),
                arguments(head + "Content-Length: 1.5\r\n\r\n{}", 400, "Content-Length"),
                arguments(head + "Content-Length: 0x10\r\n\r\n{}", 400, "Content-Length"),
                arguments(head + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400, "Content-Length"),
                arguments(head + "Content-Length: 2, 2\r\n\r\n{}", 400, "Content-Length"),
                arguments(head + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}", 400, "Content-Length"),
                arguments(head + "Content-Length: 99999999999999999999\r\n\r\n{}", 400, "headers"),
                arguments(head + "Content-Length: 5000000\r\n\r\n{}", 413, "Content-Length"),
                arguments(head + "Content-Length: 2147483648\r\n\r\n{}", 413, "Content-Length"),
                arguments(head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400, "body"),
                arguments(head + "Transfer-Encoding: gzip\r\n\r\n{}", 400, "Transfer-Encoding"),
                arguments("GET /v1/health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
                        400, "body"));
    }

    @ParameterizedTest
    @MethodSource
    void badContentLengths(String raw, int status, String parameter) throws Exception {
        assertRefused(send(raw), status, parameter);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        try (RawHttp http = RawHttp.connect(api.server().uri())) {
            TRIED.incrementAndGet();
            http.send("POST " + START + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            String chunk = Integer.toHexString(1 << 20) + "\r\n" + " ".repeat(1 << 20) + "\r\n";
            for (int i = 0; i < 5; i++) {
                http.send(chunk);
            }
            http.send("0\r\n\r\n");
            assertRefused(http.read(), 413, "body");
        }
    }

    static Stream<Arguments> wrongContentTypes() {
        return Stream.of(
                arguments("POST", START, null),
                arguments("POST", START, "text/plain"),
                arguments("POST", START, "text/plain;charset=UTF-8"),
                arguments("POST", START, "application/x-www-form-urlencoded"),
                arguments("POST", START, "multipart/form-data; boundary=x"),
                arguments("POST", START, "application/json; charset=latin1"),
                arguments("POST", START, "application/jsonx"),
                arguments("POST", START, "text/json"),
                arguments("POST", START, "application/json, text/plain"),
                arguments("PUT", PUT_TARGET, null),
                arguments("PUT", PUT_TARGET, "text/plain"),
                arguments("PUT", PUT_TARGET, "application/yaml"));
    }

    @ParameterizedTest
    @MethodSource
    void wrongContentTypes(String method, String target, String contentType) throws Exception {
        String body = target.equals(START) ? "{\"A\": \"1\"}" : SpecJson.toJson(ApiFixture.SPEC);
        assertRefused(send(request(method, target, contentType, body)), 400, "Content-Type");
    }

    @Test
    void aMutatingCallFromAnotherOriginIsRefusedButTheSameOriginPasses() throws Exception {
        String stop = "POST /v1/plans/deploy/stop HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n";
        assertRefused(send(stop + "Origin: http://evil.example\r\n\r\n"), 403, "Origin");
        assertRefused(send(stop + "Origin: null\r\n\r\n"), 403, "Origin");
        assertRefused(send(stop + "Origin: http://127.0.0.1:2\r\n\r\n"), 403, "Origin");
        assertThat(api.send((stop + "Origin: http://127.0.0.1:1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1))
                .status()).isEqualTo(200);
        api.send(request("POST", "/v1/plans/deploy/start", null, (String) null));
    }

    static Stream<Arguments> malformedJsonBodies() {
        return Stream.of(
                "{not json", "{\"A\": }", "{\"A\": \"1\"", "[1, 2", "\"unterminated", "{\"A\": 01}", "{'A': '1'}",
                "{\"A\": \"1\"} x", "{}{}", "{} []", "{}]", "{\"A\": \"1\"} // comment", "{\"A\": \"1\"},",
                "{\"A\": \"1\", \"A\": \"2\"}", "[]", "\"text\"", "42", "null", "{\"A\": {\"B\": \"1\"}}",
                "{\"A\": null}", "{\"A\": [1]}", "[".repeat(65) + "]".repeat(65), "[".repeat(1000) + "]".repeat(1000),
                "[".repeat(100_000), "{\"a\":".repeat(1000) + "1" + "}".repeat(1000), "{\"a\": 1" + "0".repeat(2000) + "}",
                "{\"A\": \"\\uZZZZ\"}").map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource
    void malformedJsonBodies(String body) throws Exception {
        RawHttp.Answer answer = send(request("POST", START, "application/json", body));
        assertRefused(answer, 400, null);
        assertThat(answer.json().path("parameter").asText()).isIn("body", "A");
    }

    @Test
    void bodiesThatAreNotUtf8OrNotAnObjectAreRefusedOnTheConfigTarget() throws Exception {
        String spec = SpecJson.toJson(ApiFixture.SPEC);
        for (String body : new String[] {"", "null", "[]", "\"spec\"", "7", spec + " trailing", spec + spec,
            "[".repeat(100_000), "{\"name\":".repeat(500) + "1" + "}".repeat(500)}) {
            assertRefused(send(request("PUT", PUT_TARGET, "application/json", body)), 400, "body");
        }
        byte[] latin1 = "{\"name\": \"h\u00e9llo\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(send(request("PUT", PUT_TARGET, "application/json", latin1)), 400, "body");
        assertThat(api.context().scheduler().targetId()).isNotNull();
    }

    static Stream<Arguments> jsonTypeErrors() {
        return Stream.of(
                arguments("pods.web.count", "\"many\""), arguments("pods.web.count", "1.5"),
                arguments("pods.web.count", "[]"), arguments("pods.web.count", "null"),
                arguments("pods.web.count", "99999999999"), arguments("pods.web.count", "{}"),
                arguments("pods.web.tasks.server.cpus", "\"lots\""), arguments("pods.web.tasks.server.cpus", "{}"),
                arguments("pods.web.tasks.server.memory", "[1]"), arguments("pods.web.tasks.server.goal", "\"SOMETIMES\""),
                arguments("pods.web.tasks.server.goal", "[]"), arguments("pods.web.tasks.server.essential", "\"yes\""),
                arguments("pods.web.tasks.server.ports", "[]"), arguments("pods.web.tasks.server.ports.http.port", "\"x\""),
                arguments("pods.web.tasks.server.ports.http.ranges", "{}"),
                arguments("pods.web.tasks.server.env", "[1]"), arguments("pods.web.tasks.server.labels", "\"a\""),
                arguments("pods.web.tasks.server.healthCheck.interval", "\"soon\""),
                arguments("pods.web.tasks.server.healthCheck.maxConsecutiveFailures", "2.5"),
                arguments("pods.web.tasks.server.volumes.data.type", "\"NFS\""),
                arguments("pods.web.tasks.server.volumes.data.size", "\"big\""),
                arguments("pods.web.tasks.server.volumes.data.profiles", "\"ssd\""),
                arguments("pods.web.tasks.server.unknownField", "1"), arguments("pods.web.unknownField", "true"),
                arguments("pods.web.tasks.server.cmd", "{}"), arguments("pods.web.tasks.server.killGracePeriod", "\"1s\""),
                arguments("pods.web.uris", "{}"), arguments("pods.web.placement", "[]"),
                arguments("pods.web.preferences", "{}"), arguments("pods.web.tasks", "[]"), arguments("pods.web", "\"x\""),
                arguments("pods", "[]"), arguments("plans", "5"), arguments("scheduler", "\"x\""),
                arguments("webUrl", "{}"), arguments("name", "{}"), arguments("unknownField", "1"));
    }

    @ParameterizedTest
    @MethodSource
    void jsonTypeErrors(String path, String value) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode spec = (ObjectNode) mapper.readTree(SpecJson.toJson(ApiFixture.SPEC));
        ObjectNode parent = spec;
        String[] names = path.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            parent = (ObjectNode) parent.get(names[i]);
        }
        parent.set(names[names.length - 1], mapper.readTree(value));
        var before = api.context().scheduler().targetId();

        // named in the spec's terms: pods.web.tasks.server.health-check.interval, not healthCheck
        String named = path.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        JsonNode error = assertRefused(send(request("PUT", PUT_TARGET, "application/json", spec.toString())), 400, named);

        assertThat(error.path("error").asText()).as("error for %s = %s", path, value)
                .matches("(must|unknown|needs|is |expected ).*");
        assertThat(api.context().scheduler().targetId()).isEqualTo(before);
    }

    static Stream<Arguments> unknownQueryParameters() {
        return Stream.of(
                arguments("POST", "/v1/plans/deploy/continue?phse=web-deploy", 400, "phse"),
                arguments("POST", "/v1/plans/deploy/interrupt?phse=web-deploy", 400, "phse"),
                arguments("POST", "/v1/plans/deploy/forceComplete?phase=web-deploy&stepp=web-0", 400, "stepp"),
                arguments("POST", "/v1/plans/deploy/restart?Phase=web-deploy", 400, "Phase"),
                arguments("POST", "/v1/plans/deploy/start?phase=web-deploy", 400, "phase"),
                arguments("POST", "/v1/plans/deploy/stop?phase=web-deploy", 400, "phase"),
                arguments("POST", "/v1/plans/deploy/continue?phase=web-deploy&phase=other", 400, "phase"),
                arguments("POST", "/v1/plans/deploy/continue?phase=", 400, "phase"),
                arguments("POST", "/v1/plans/deploy/restart?phase=web-deploy&step=", 400, "step"),
                arguments("POST", "/v1/plans/deploy/restart?step=web-0", 400, "phase"),
                arguments("POST", "/v1/pod/web-0/restart?force=true", 400, "force"),
                arguments("POST", "/v1/pod/web-0/replace?x", 400, "x"),
                arguments("GET", "/v1/health?verbose=1", 400, "verbose"),
                arguments("GET", "/v1/plans?all", 400, "all"),
                arguments("GET", "/v1/plans/deploy?phase=web-deploy", 400, "phase"),
                arguments("GET", "/v1/pod/status?pod=web-0", 400, "pod"),
                arguments("GET", "/v1/configurations/target?pretty", 400, "pretty"),
                arguments("PUT", PUT_TARGET + "?dryRun=true", 400, "dryRun"));
    }

    @ParameterizedTest
    @MethodSource
    void unknownQueryParameters(String method, String target, int status, String parameter) throws Exception {
        var plan = api.context().scheduler().plans().get("deploy").status();
        String body = method.equals("PUT") ? SpecJson.toJson(ApiFixture.SPEC) : null;

        assertRefused(send(request(method, target, "application/json", body)), status, parameter);

        assertThat(api.context().scheduler().plans().get("deploy").status()).isEqualTo(plan);
    }

    @Test
    void aMisspeltParameterGetsASuggestionAndTheRouteSaysWhatItTakes() throws Exception {
        JsonNode error = assertRefused(send(request("POST", "/v1/plans/deploy/continue?phse=web-deploy",
                null, (String) null)), 400, "phse");

        assertThat(error.path("error").asText()).isEqualTo("unknown query parameter 'phse' (did you mean 'phase'?);"
                + " POST /v1/plans/{plan}/continue takes: phase");
    }
}
