package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stratum.sdk.backend.ArtifactStore;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.internal.config.ConfigRenderer;
import io.stratum.sdk.spec.ConfigSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A task's config templates, rendered by the scheduler at launch against the task's environment
 * (as on the local backend), published in the {@link ArtifactStore} the scheduler's API serves, and
 * fetched by the agent into the sandbox before the task starts: one {@code CommandInfo.URI} per
 * file, with {@code output_file} its destination (the fetcher makes its directories), not
 * extracted, not cached (each launch's files are its own). The agent needs no bootstrap binary.
 * A template that does not render, or a destination outside the sandbox, fails the launch.
 */
final class ConfigArtifacts {
    private final ArtifactStore store;

    /** @param store where the files are published, or null: a task with configs cannot launch */
    ConfigArtifacts(ArtifactStore store) {
        this.store = store;
    }

    /**
     * Renders and publishes the task's files.
     *
     * @return the {@code uris} of the task's {@code CommandInfo}; empty without configs
     */
    ArrayNode uris(TaskLaunch task, Map<String, String> environment) throws LaunchRejected {
        ArrayNode uris = Wire.JSON.createArrayNode();
        Map<String, ConfigSpec> configs = task.spec().configs();
        if (configs.isEmpty()) {
            return uris;
        }
        if (store == null) {
            throw new LaunchRejected("task " + task.fullName() + " has config templates, but no API serves them"
                    + " to the agents (MesosBackend.Builder.withArtifacts)");
        }
        Map<String, String> rendered;
        try {
            rendered = ConfigRenderer.render(configs, environment);
        } catch (IllegalArgumentException e) {
            throw new LaunchRejected(e.getMessage());
        }
        List<ArtifactStore.Artifact> artifacts = new ArrayList<>();
        for (ConfigSpec config : configs.values()) {
            Path dest = Path.of(config.dest()).normalize();
            if (dest.isAbsolute() || dest.startsWith("..") || dest.toString().isEmpty()) {
                throw new LaunchRejected("config destination " + config.dest() + " of " + task.fullName()
                        + " is not inside the sandbox");
            }
            artifacts.add(new ArtifactStore.Artifact(config.name(), dest.toString(),
                    rendered.get(config.dest()).getBytes(StandardCharsets.UTF_8)));
        }
        List<URI> urls = store.publish(task.taskId(), artifacts);
        for (int i = 0; i < artifacts.size(); i++) {
            uris.addObject().put("value", urls.get(i).toString()).put("executable", false).put("extract", false)
                    .put("cache", false).put("output_file", artifacts.get(i).dest());
        }
        return uris;
    }

    /** Forgets a task's files: it ended, or its launch was never sent. */
    void forget(String taskId) {
        if (store != null) {
            store.remove(taskId);
        }
    }
}
