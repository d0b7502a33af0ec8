package io.stratum.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small client of the scheduler's API for the CLI's client commands. A refused request (4xx)
 * becomes a bad-input {@link CliException} carrying the API's message and parameter; an
 * unreachable API or a 5xx an internal one.
 */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status and JSON body (null when empty or not JSON). */
    record Reply(int status, JsonNode body, String text) {}

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
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
        if (token != null && !token.isEmpty()) {
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

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Reply send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException(StratumCli.INTERNAL, "cannot reach the API at " + base
                    + " (connection refused): is the scheduler running? (set --api or $STRATUM_API)");
        } catch (IOException e) {
            throw new CliException(StratumCli.INTERNAL, "cannot reach the API at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(StratumCli.INTERNAL, "interrupted");
        }
        JsonNode body = null;
        try {
            body = response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            // not JSON: keep the text
        }
        int status = response.statusCode();
        if (status >= 400) {
            String message = body != null && body.has("error") ? body.get("error").asText() : response.body();
            if (body != null && body.has("errors")) {
                StringBuilder all = new StringBuilder(message);
                body.get("errors").forEach(e -> all.append("\n  ").append(e.asText()));
                message = all.toString();
            }
            String parameter = body != null && body.has("parameter") ? body.get("parameter").asText() + ": " : "";
            throw new CliException(status >= 500 ? StratumCli.INTERNAL : StratumCli.BAD_INPUT,
                    "API answered " + status + ": " + parameter + message);
        }
        return new Reply(status, body, response.body());
    }
}
