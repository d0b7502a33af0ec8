package io.stratum.sdk.internal.http;

import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiRequest;
import io.stratum.sdk.http.ApiResponse;

import io.stratum.sdk.internal.scheduler.TaskLabels;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.internal.state.TaskRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1/pod}: pod instances, their tasks' status and details, and the restart and replace
 * commands, in the DC/OS SDK's shapes.
 */
final class PodsResource {
    private final SchedulerApi api;

    PodsResource(SchedulerApi api) {
        this.api = api;
    }

    void register(ApiServer.Builder builder) {
        builder.route("GET", "/v1/pod", r -> ApiResponse.ok(List.copyOf(instanceNames())))
                .route("GET", "/v1/pod/status", r -> ApiResponse.ok(allStatus()))
                .route("GET", "/v1/pod/{name}/status", r -> ApiResponse.ok(status(known(r))))
                .route("GET", "/v1/pod/{name}/info", r -> ApiResponse.ok(info(known(r))))
                .route("POST", "/v1/pod/{name}/restart", r -> command(r, "restart"))
                .route("POST", "/v1/pod/{name}/replace", r -> command(r, "replace"))
                .route("POST", "/v1/pod/{name}/pause", r -> command(r, "pause"))
                .route("POST", "/v1/pod/{name}/resume", r -> command(r, "resume"));
    }

    private Set<String> instanceNames() {
        Set<String> names = new LinkedHashSet<>();
        for (PodSpec pod : api.scheduler().target().pods().values()) {
            for (int i = 0; i < pod.count(); i++) {
                names.add(pod.name() + "-" + i);
            }
        }
        api.scheduler().tasks().forEach(t -> names.add(t.podInstanceName()));
        return names;
    }

    private String known(ApiRequest request) {
        String name = request.pathParam("name");
        if (!instanceNames().contains(name)) {
            throw ApiException.notFound("name", "no pod instance '" + name + "'; pod instances: "
                    + String.join(", ", instanceNames()));
        }
        return name;
    }

    private List<TaskRecord> tasksOf(String instance) {
        return api.scheduler().tasks().stream().filter(t -> t.podInstanceName().equals(instance)).toList();
    }

    private Map<String, Object> allStatus() {
        Map<String, List<Object>> byType = new LinkedHashMap<>();
        for (String instance : instanceNames()) {
            String type = instance.substring(0, instance.lastIndexOf('-'));
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(status(instance));
        }
        List<Object> pods = new ArrayList<>();
        byType.forEach((type, instances) -> pods.add(Map.of("name", type, "instances", instances)));
        return Map.of("service", api.scheduler().target().name(), "pods", pods);
    }

    private Map<String, Object> status(String instance) {
        boolean paused = api.scheduler().pausedPods().stream().anyMatch(p -> p.name().equals(instance));
        List<Object> tasks = new ArrayList<>();
        for (TaskRecord t : tasksOf(instance)) {
            tasks.add(Map.of("name", t.name(), "id", t.taskId(), "status", state(t)));
        }
        return Map.of("name", instance, "paused", paused, "tasks", tasks);
    }

    private List<Object> info(String instance) {
        List<Object> out = new ArrayList<>();
        for (TaskRecord t : tasksOf(instance)) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("name", t.name());
            info.put("id", t.taskId());
            info.put("state", state(t));
            info.put("agent", t.agentId());
            info.put("configId", t.configId());
            info.put("labels", t.labels());
            t.lastStatus().ifPresent(s -> {
                info.put("health", s.health().name());
                info.put("readiness", s.readiness().name());
                info.put("message", s.message());
            });
            api.scheduler().taskInfo(t.taskId()).forEach((k, v) -> info.put(k, k.equals("pid") ? Long.valueOf(v) : v));
            out.add(info);
        }
        return out;
    }

    private static String state(TaskRecord t) {
        if (TaskLabels.isReservation(t)) {
            return "RESERVED";
        }
        return t.lastStatus().map(s -> s.state().name()).orElse("STAGING");
    }

    private ApiResponse command(ApiRequest request, String command) {
        String name = known(request);
        List<String> tasks = api.command(() -> switch (command) {
            case "restart" -> api.scheduler().restartPod(name);
            case "replace" -> api.scheduler().replacePod(name);
            case "pause" -> api.scheduler().pausePod(name);
            default -> api.scheduler().resumePod(name);
        });
        return ApiResponse.ok(Map.of("pod", name, "tasks", tasks));
    }
}
