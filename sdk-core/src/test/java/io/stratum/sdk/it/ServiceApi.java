package io.stratum.sdk.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A client of a running service's v1 REST API, for integration tests: what a user's {@code curl}
 * would see. Every call is bounded (5 s); an unreachable API is an {@link UncheckedIOException}.
 */
public final class ServiceApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** A reply: the status code and the JSON body (a missing node if the body is not JSON). */
    public record Reply(int code, JsonNode body) {}

    /**
     * One task of a pod instance, from {@code /v1/pod/{name}/info}.
     *
     * @param health {@code PASSED}, {@code FAILED} or {@code UNKNOWN} (no check, or no result yet)
     */
    public record Task(String name, String id, String state, String agent, String sandbox, long pid, String health,
            String message) {}

    public ServiceApi(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Reply post(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Reply put(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** @return the deploy plan's status, e.g. {@code COMPLETE} */
    public String deployStatus() {
        return get("/v1/plans/deploy").body().path("status").asText();
    }

    /** @return whether the deploy plan is COMPLETE; false while the API does not answer */
    public boolean deployComplete() {
        try {
            return deployStatus().equals("COMPLETE");
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** @return the tasks of pod instance {@code pod} (e.g. {@code hello-0}) */
    public List<Task> tasks(String pod) {
        Reply reply = get("/v1/pod/" + pod + "/info");
        if (reply.code() != 200) {
            throw new AssertionError("GET /v1/pod/" + pod + "/info answered " + reply.code() + ": " + reply.body());
        }
        List<Task> tasks = new ArrayList<>();
        for (JsonNode t : reply.body()) {
            tasks.add(new Task(t.path("name").asText(), t.path("id").asText(), t.path("state").asText(),
                    t.path("agent").asText(), t.path("sandbox").asText(null), t.path("pid").asLong(-1),
                    t.path("health").asText("UNKNOWN"), t.path("message").asText("")));
        }
        return tasks;
    }

    /** @return the only task of pod instance {@code pod} */
    public Task task(String pod) {
        List<Task> tasks = tasks(pod);
        if (tasks.size() != 1) {
            throw new AssertionError(pod + " has " + tasks.size() + " tasks: " + tasks);
        }
        return tasks.get(0);
    }

    /** @return the only task of {@code pod} if it is RUNNING with a live process */
    public Optional<Task> running(String pod) {
        try {
            return Optional.of(task(pod)).filter(t -> t.state().equals("RUNNING") && Processes.alive(t.pid()));
        } catch (UncheckedIOException | AssertionError e) {
            return Optional.empty();
        }
    }

    /** @return task name to task, over the pod instances given */
    public Map<String, Task> tasksByName(String... pods) {
        return List.of(pods).stream().flatMap(p -> tasks(p).stream())
                .collect(Collectors.toMap(Task::name, Function.identity()));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (IOException e) {
                body = JSON.missingNode();
            }
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
