package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP to a master's {@code /api/v1/scheduler}: JSON in both directions, HTTP/1.1, the optional
 * basic credentials on every request, and the {@code Mesos-Stream-Id} on every call but SUBSCRIBE.
 * Redirects are not followed here: a {@code 307} names the leading master, which the session must
 * learn. Thread-safe.
 */
final class MasterClient {
    static final String PATH = "/api/v1/scheduler";
    static final String STREAM_ID = "Mesos-Stream-Id";
    private static final String JSON = "application/json";

    private final HttpClient http;
    private final Optional<String> authorization;
    private final Duration requestTimeout;

    /** The answer to a call: status, the {@code Location} of a redirect, and the body (an error's explanation). */
    record Answer(int status, Optional<String> location, String body) {}

    /**
     * @param credentials    {@code principal:secret} for HTTP basic authentication, if the master wants it
     * @param requestTimeout how long a call may take to be answered
     */
    MasterClient(Optional<String> credentials, Duration connectTimeout, Duration requestTimeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.authorization = credentials.map(c -> "Basic "
                + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8)));
        this.requestTimeout = requestTimeout;
    }

    /** Sends SUBSCRIBE; {@code handler} decides, from the status and headers, what to do with the body. */
    <T> CompletableFuture<HttpResponse<T>> subscribe(URI master, ObjectNode call, HttpResponse.BodyHandler<T> handler) {
        return http.sendAsync(request(master, call).build(), handler);
    }

    /** Sends a call on a connection of its own and waits for the answer (202 Accepted when all is well). */
    Answer call(URI master, ObjectNode call, String streamId) throws IOException, InterruptedException {
        HttpRequest request = request(master, call).header(STREAM_ID, streamId).timeout(requestTimeout).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Location"), response.body());
    }

    private HttpRequest.Builder request(URI master, ObjectNode call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(master.resolve(PATH))
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(call.toString(), StandardCharsets.UTF_8));
        authorization.ifPresent(value -> request.header("Authorization", value));
        return request;
    }
}
