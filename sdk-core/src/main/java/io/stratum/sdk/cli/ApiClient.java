package io.stratum.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * A small client of the scheduler's API for the CLI's client commands. A refused request (4xx)
 * becomes a bad-input {@link CliException} carrying the API's message and parameter; an
 * unreachable API, one that does not answer within the timeout (connecting, and the whole answer),
 * a server that is not a Stratum API (its answer is not JSON) or a 5xx a failure (exit 1).
 */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status and JSON body (a missing node when empty), and its text. */
    record Reply(int status, JsonNode body, String text) {}

    private final URI base;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    ApiClient(URI base, String token, Duration timeout) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    URI base() {
        return base;
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    private Reply send(String method, String path, Object body) {
        String text;
        try {
            text = body == null ? "" : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(text));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    static String query(Map<String, String> params) {
        String joined = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }

    /**
     * @param name  the parameter the value comes from, e.g. {@code PLAN}
     * @return {@code value} as one path segment
     * @throws CliException (bad input) if it is empty
     */
    static String segment(String name, String value) {
        if (value.isBlank()) {
            throw CliException.badInput(name + ": must not be empty");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Reply send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request.timeout(timeout).build());
        String text = response.body();
        int status = response.statusCode();
        JsonNode body = JSON.missingNode();
        if (!text.isBlank()) {
            try {
                body = JSON.readTree(text);
            } catch (IOException e) {
                throw notStratum(response);
            }
        }
        if (status >= 400) {
            if (!body.isObject()) {
                throw notStratum(response);
            }
            String message = body.has("error") ? body.get("error").asText() : text.strip();
            if (body.has("errors")) {
                StringBuilder all = new StringBuilder(message);
                body.get("errors").forEach(e -> all.append("\n  ").append(e.asText()));
                message = all.toString();
            }
            String parameter = body.has("parameter") ? body.get("parameter").asText() + ": " : "";
            String answer = "API answered " + status + ": " + parameter + message;
            throw status >= 500 ? CliException.failure(answer) : CliException.refused(answer);
        }
        return new Reply(status, body, text);
    }

    /** Sends, bounded by the timeout from connecting to the last byte of the answer. */
    private HttpResponse<String> exchange(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw silent();
        } catch (ExecutionException e) {
            throw unreachable(e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw CliException.failure("interrupted");
        }
    }

    private CliException silent() {
        return CliException.failure("the API at " + base + " did not answer within " + seconds()
                + " (is it the scheduler's API? a longer --timeout waits longer)");
    }

    private CliException unreachable(Throwable cause) {
        String prefix = "cannot reach the API at " + base;
        if (cause instanceof HttpConnectTimeoutException) {
            return CliException.failure(prefix + ": no connection within " + seconds() + " (set --api or $STRATUM_API)");
        }
        if (cause instanceof HttpTimeoutException) {
            return silent();
        }
        if (cause instanceof ConnectException) {
            if (!resolves(base.getHost())) {
                return CliException.failure(prefix + ": unknown host '" + base.getHost() + "' (set --api or $STRATUM_API)");
            }
            return CliException.failure(prefix + " (connection refused): is the scheduler running?"
                    + " (set --api or $STRATUM_API)");
        }
        if (cause instanceof SSLException) {
            return CliException.failure(prefix + ": the TLS handshake failed (does it serve https?)");
        }
        if (cause instanceof IOException) {
            return CliException.failure(prefix + ": the connection failed before an answer ("
                    + CliErrors.withoutTypeNames(cause) + ")");
        }
        return CliException.failure(prefix + ": " + CliErrors.withoutTypeNames(cause));
    }

    private CliException notStratum(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("no content type");
        return CliException.failure("the server at " + base + " is not a Stratum API (answered "
                + response.statusCode() + ", " + type + "): check --api or $STRATUM_API");
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static boolean resolves(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
