package io.stratum.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.internal.state.PropertyStore;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The whole v1 API over a service deployed on the sim backend, for hostile-client tests, and the
 * checks every refusal must pass: the status, JSON {@code {"error", "parameter"}}, and no Java
 * type, exception or package name, no HTML.
 */
final class ApiFixture implements AutoCloseable {
    /** What an answer must never hold: the implementation showing through. */
    static final Pattern LEAK = Pattern.compile("java\\.|io\\.stratum|Exception|\\bclass\\b|jackson|jetty|Constraints|`|<html",
            Pattern.CASE_INSENSITIVE);
    static final ServiceSpec SPEC = load();

    private final ServiceTestRunner.Context context;
    private final ApiServer server;

    ApiFixture(Duration idleTimeout) throws IOException {
        context = ServiceTestRunner.builder(SPEC).build().run(Send.offers(), Send.offers(), Send.offers());
        ApiServer.Builder builder = ApiServer.builder().withIdleTimeout(idleTimeout);
        new SchedulerApi(context.scheduler(), null, PropertyStore.of(context.persister())).routes(builder);
        server = builder.build().start();
    }

    private static ServiceSpec load() {
        try {
            return SpecLoader.builder().build().load("svc.yml", """
                    name: hello
                    pods:
                      web:
                        count: 2
                        tasks:
                          server:
                            cmd: serve
                            cpus: 0.1
                            memory: 32
                            ports: {http: {port: 0, advertise: true}}
                            health-check: {cmd: "true", interval: 5}
                            volume: {path: data, type: ROOT, size: 64}
                    plans:
                      deploy:
                        phases:
                          web-deploy: {pod: web, strategy: serial}
                    """, Path.of("."));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ApiServer server() {
        return server;
    }

    ServiceTestRunner.Context context() {
        return context;
    }

    /** Sends {@code raw} on a new connection and returns the answer. */
    RawHttp.Answer send(byte[] raw) throws IOException {
        return RawHttp.exchange(server.uri(), raw);
    }

    /** A well-formed request but for what the test puts in it; the connection closes after. */
    static byte[] request(String method, String target, String contentType, String body) {
        return request(method, target, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] request(String method, String target, String contentType, byte[] body) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body;
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(content, 0, all, headBytes.length, content.length);
        return all;
    }

    /** Asserts a refusal: {@code status}, a JSON error naming {@code parameter} (when not null), nothing leaked. */
    static JsonNode assertRefused(RawHttp.Answer answer, int status, String parameter) throws IOException {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("content type of %s", answer).startsWith("application/json");
        assertThat(answer.body()).as("answer").doesNotContainPattern(LEAK);
        JsonNode json = answer.json();
        assertThat(json.path("error").isTextual()).as("error of %s", answer).isTrue();
        assertThat(json.path("error").asText()).isNotBlank();
        if (parameter != null) {
            assertThat(json.path("parameter").asText()).as("parameter of %s", answer).isEqualTo(parameter);
        }
        return json;
    }

    @Override
    public void close() {
        server.close();
    }
}
