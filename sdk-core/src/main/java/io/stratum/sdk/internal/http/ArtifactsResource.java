package io.stratum.sdk.internal.http;

import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiRequest;
import io.stratum.sdk.http.ApiResponse;

import io.stratum.sdk.backend.ArtifactStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/artifacts/{taskId}} (what files a task fetches, with their URLs) and
 * {@code /v1/artifacts/{taskId}/{name}} (one file, as the task's agent fetches it): the config
 * files a backend rendered for a launching or running task (on Mesos). Reads only, so open even
 * with an API token, as the agents fetch without one.
 */
final class ArtifactsResource {
    private final ArtifactStore store;

    /** @param store the artifacts, or null when the backend serves none (it writes files itself) */
    ArtifactsResource(ArtifactStore store) {
        this.store = store;
    }

    void register(ApiServer.Builder builder) {
        builder.route("GET", ArtifactStore.PATH + "/{taskId}", this::list)
                .route("GET", ArtifactStore.PATH + "/{taskId}/{name}", this::file);
    }

    private ApiResponse list(ApiRequest request) {
        String taskId = request.pathParam("taskId");
        List<ArtifactStore.Artifact> artifacts = artifacts(taskId);
        return ApiResponse.ok(artifacts.stream().map(a -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", a.name());
            entry.put("dest", a.dest());
            entry.put("bytes", a.size());
            entry.put("url", store.uri(taskId, a.name()).toString());
            return entry;
        }).toList());
    }

    private ApiResponse file(ApiRequest request) {
        String taskId = request.pathParam("taskId");
        String name = request.pathParam("name");
        List<ArtifactStore.Artifact> artifacts = artifacts(taskId);
        ArtifactStore.Artifact artifact = artifacts.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("name", "task " + taskId + " has no artifact '" + name
                        + "'; it has: " + String.join(", ", artifacts.stream().map(ArtifactStore.Artifact::name).toList())));
        return ApiResponse.raw(200, "application/octet-stream", artifact.content());
    }

    private List<ArtifactStore.Artifact> artifacts(String taskId) {
        if (store == null) {
            throw ApiException.notFound("taskId", "this scheduler serves no artifacts: its backend writes"
                    + " config files into the sandboxes itself");
        }
        List<ArtifactStore.Artifact> artifacts = store.list(taskId);
        if (artifacts.isEmpty()) {
            throw ApiException.notFound("taskId", "no artifacts for task " + taskId + ": only a task launching or"
                    + " running on this scheduler process and fetching its config files (on Mesos) has them");
        }
        return artifacts;
    }
}
