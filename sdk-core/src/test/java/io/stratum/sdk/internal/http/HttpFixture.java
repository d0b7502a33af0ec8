package io.stratum.sdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client against a started {@link ApiServer}, for tests. */
final class HttpFixture implements AutoCloseable {
    record Reply(int status, JsonNode json, String text) {}

    private final ApiServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpFixture(ApiServer.Builder builder) throws IOException {
        this.server = builder.build().start();
    }

    Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), null);
    }

    Reply post(String path, String body) throws Exception {
        return post(path, body, null);
    }

    Reply post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(request, token);
    }

    Reply put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), null);
    }

    /** @return the URL of the server, for clients of its own (the CLI) */
    URI base() {
        return server.uri();
    }

    private URI uri(String path) {
        return server.uri().resolve(path);
    }

    private Reply send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : readJson(response.body());
        return new Reply(response.statusCode(), json, response.body());
    }

    private static JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            return null; // not JSON: the test sees the text
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
