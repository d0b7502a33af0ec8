package io.stratum.sdk.backend;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files the scheduler renders for a task and serves over its API, for a cluster whose agents
 * fetch a task's files before starting it (Mesos: {@code CommandInfo.uris}). A backend publishes
 * a task's files at launch and removes them when the task ends; the API serves them at
 * {@code GET /v1/artifacts/{taskId}/{name}} under the API's URL as the agents reach it.
 *
 * <p>Kept in memory only: a task launched by an earlier scheduler process has no artifacts here.
 * Should a scheduler restart fall between a launch and the agent's fetch, the fetch fails, the task
 * fails to start, and recovery launches it again with its files rendered anew. Thread-safe.
 */
public final class ArtifactStore {
    /** The route under the API's URL that serves artifacts. */
    public static final String PATH = "/v1/artifacts";

    /**
     * One rendered file.
     *
     * @param name    its name in the URL (the config's name in the spec)
     * @param dest    where the task expects it, relative to its sandbox
     * @param content the bytes
     */
    public record Artifact(String name, String dest, byte[] content) {
        public Artifact {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dest, "dest");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        /** @return the size in bytes */
        public int size() {
            return content.length;
        }
    }

    private final URI apiUrl;
    private final Map<String, List<Artifact>> byTask = new ConcurrentHashMap<>();

    /** @param apiUrl the API's URL as the agents reach it, e.g. {@code http://scheduler.example:8080} */
    public ArtifactStore(URI apiUrl) {
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (!("http".equals(apiUrl.getScheme()) || "https".equals(apiUrl.getScheme())) || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("the API URL must be http(s)://HOST[:PORT], got " + apiUrl);
        }
        String text = apiUrl.toString();
        this.apiUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** @return the API's URL the artifacts' URLs start with */
    public URI apiUrl() {
        return apiUrl;
    }

    /**
     * Publishes a task's files, replacing any it had.
     *
     * @return each file's URL, in order
     * @throws IllegalArgumentException if two files share a name
     */
    public List<URI> publish(String taskId, List<Artifact> artifacts) {
        Objects.requireNonNull(taskId, "taskId");
        Set<String> names = new LinkedHashSet<>();
        List<URI> urls = new ArrayList<>();
        for (Artifact artifact : artifacts) {
            if (!names.add(artifact.name())) {
                throw new IllegalArgumentException("two artifacts named " + artifact.name() + " for task " + taskId);
            }
            urls.add(uri(taskId, artifact.name()));
        }
        byTask.put(taskId, List.copyOf(artifacts));
        return urls;
    }

    /** @return the URL of a task's file */
    public URI uri(String taskId, String name) {
        return URI.create(apiUrl + PATH + "/" + encode(taskId) + "/" + encode(name));
    }

    /** @return the task's files in the order published; empty if it has none here */
    public List<Artifact> list(String taskId) {
        return byTask.getOrDefault(taskId, List.of());
    }

    /** @return the task's file of this name */
    public Optional<Artifact> get(String taskId, String name) {
        return list(taskId).stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Forgets a task's files (it ended, or its launch was never sent). */
    public void remove(String taskId) {
        byTask.remove(taskId);
    }

    /** @return the ids of the tasks with files here */
    public Set<String> taskIds() {
        return Set.copyOf(byTask.keySet());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
