package io.stratum.sdk.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiRequest;
import io.stratum.sdk.http.ApiResponse;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.scheduler.TaskLabels;
import io.stratum.sdk.internal.spec.SpecJson;
import io.stratum.sdk.internal.spec.SpecJsonReader;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.PortSpec;
import io.stratum.sdk.spec.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rest of the v1 API: {@code /v1/endpoints}, {@code /v1/configurations}, {@code /v1/state},
 * {@code /v1/health} and {@code /v1/debug/offers} (why each pending step is pending).
 */
final class ServiceResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchedulerApi api;

    ServiceResource(SchedulerApi api) {
        this.api = api;
    }

    void register(ApiServer.Builder builder) {
        builder.route("GET", "/v1/endpoints", r -> ApiResponse.ok(List.copyOf(endpoints().keySet())))
                .route("GET", "/v1/endpoints/{name}", this::endpoint)
                .route("GET", "/v1/configurations", r -> ApiResponse.ok(
                        api.scheduler().configIds().stream().map(UUID::toString).toList()))
                .route("GET", "/v1/configurations/targetId", r -> ApiResponse.ok(api.scheduler().targetId().toString()))
                .route("GET", "/v1/configurations/target", r -> target())
                .route("GET", "/v1/configurations/{id}", this::configuration)
                .route("PUT", "/v1/configurations/target", this::updateTarget)
                .route("GET", "/v1/state/frameworkId", r -> ApiResponse.ok(Map.of("frameworkId",
                        api.scheduler().frameworkId().orElse(""))))
                .route("GET", "/v1/state/properties", r -> ApiResponse.ok(api.properties().keys()))
                .route("GET", "/v1/state/properties/{key}", this::property)
                .route("GET", "/v1/health", r -> health())
                .route("GET", "/v1/debug/offers", r -> ApiResponse.ok(api.scheduler().explanations()));
    }

    /** Advertised ports (and VIPs) by name, with the address of every task serving them. */
    private Map<String, Map<String, List<String>>> endpoints() {
        ServiceSpec spec = api.scheduler().target();
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (TaskRecord task : api.scheduler().tasks()) {
            PodSpec pod = spec.pod(task.podType());
            if (pod == null || task.lastStatus().map(s -> s.state().isTerminal()).orElse(false)) {
                continue;
            }
            String taskName = task.taskName();
            if (pod.task(taskName) == null) {
                continue;
            }
            for (PortSpec port : pod.resourcesOf(pod.task(taskName)).ports().values()) {
                String value = task.labels().get(TaskLabels.PORT_PREFIX + port.name());
                if ((!port.advertise() && port.vip() == null) || value == null) {
                    continue;
                }
                String name = port.vip() != null ? port.vip().prefix() : port.name();
                String host = task.labels().getOrDefault(TaskLabels.HOSTNAME, task.agentId());
                Map<String, List<String>> entry = out.computeIfAbsent(name, n -> {
                    Map<String, List<String>> e = new LinkedHashMap<>();
                    e.put("address", new ArrayList<>());
                    e.put("dns", new ArrayList<>());
                    return e;
                });
                entry.get("address").add(host + ":" + value);
                entry.get("dns").add(task.name() + "." + spec.name().replace('/', '-') + ".stratum:" + value);
            }
        }
        return out;
    }

    private ApiResponse endpoint(ApiRequest request) {
        String name = request.pathParam("name");
        Map<String, List<String>> entry = endpoints().get(name);
        if (entry == null) {
            throw ApiException.notFound("name", "no endpoint '" + name + "'; endpoints: "
                    + String.join(", ", endpoints().keySet()));
        }
        return ApiResponse.ok(entry);
    }

    private ApiResponse configuration(ApiRequest request) {
        String id = request.pathParam("id");
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("id", "'" + id + "' is not a configuration id (a UUID)");
        }
        return ApiResponse.ok(api.scheduler().config(uuid.toString())
                .orElseThrow(() -> ApiException.notFound("id", "no configuration " + id)));
    }

    /**
     * The target as {@link SpecJson} JSON, plus {@code lastRefused}: the last config update refused
     * since the scheduler started ({@code {time, errors}}), or null. A client may send the whole
     * body back: {@link SpecJsonReader} ignores {@code lastRefused}.
     */
    private ApiResponse target() {
        ObjectNode body;
        try {
            body = (ObjectNode) JSON.readTree(SpecJson.toJson(api.scheduler().target()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the target could not be written as JSON", e);
        }
        body.set(SpecJsonReader.LAST_REFUSED, api.scheduler().lastRefused().<JsonNode>map(refusal -> {
            ObjectNode node = JSON.createObjectNode();
            node.put("time", refusal.time().toString());
            refusal.errors().forEach(node.putArray("errors")::add);
            return node;
        }).orElse(NullNode.getInstance()));
        return ApiResponse.ok(body);
    }

    /**
     * A config update: the body is a spec as JSON ({@code stratum update} sends it). A body that is
     * not a spec is a 400; a spec the scheduler refuses (its own rules, the same as the spec
     * loader's, or the update rules) a 409 with every problem. Either way nothing changes.
     */
    private ApiResponse updateTarget(ApiRequest request) {
        SpecJsonReader.Result read = SpecJsonReader.read(request.bodyText());
        if (read.spec() == null) {
            List<String> problems = read.problems().stream()
                    .map(v -> v.path().isEmpty() ? v.message() : v.path() + ": " + v.message()).toList();
            api.command(() -> {
                api.scheduler().configRefused(problems);
                return null;
            });
            if (read.problems().size() == 1 && !read.problems().get(0).path().isEmpty()) {
                // one located problem: name the field as the parameter, as for any other body
                return refused(400, read.problems().get(0).path(), read.problems().get(0).message(), problems);
            }
            return refused(400, "body", "the body is not a service spec; the previous target stays", problems);
        }
        ServiceSpec spec = read.spec();
        if (!spec.name().equals(api.scheduler().target().name())) {
            throw ApiException.badRequest("name", "this scheduler runs '" + api.scheduler().target().name()
                    + "', not '" + spec.name() + "'");
        }
        List<String> errors = api.command(() -> api.scheduler().updateConfig(spec));
        if (!errors.isEmpty()) {
            return refused(409, null, "config update rejected; the previous target stays", errors);
        }
        return ApiResponse.ok(Map.of("message", "config update accepted", "targetId",
                api.scheduler().targetId().toString()));
    }

    private static ApiResponse refused(int status, String parameter, String error, List<String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        body.put("errors", errors);
        return new ApiResponse(status, body);
    }

    private ApiResponse property(ApiRequest request) {
        String key = request.pathParam("key");
        byte[] value = api.properties().fetch(key)
                .orElseThrow(() -> ApiException.notFound("key", "no property '" + key + "'"));
        return ApiResponse.raw(200, "application/octet-stream", value);
    }

    /** 200 when deployed and nothing is recovering, 202 while work is in progress, 417 on errors. */
    private ApiResponse health() {
        Plan deployment = api.scheduler().plans().get(api.scheduler().deploymentPlanName());
        Plan recovery = api.scheduler().plans().get("recovery");
        Status deploy = deployment.status();
        Status recovering = recovery.status();
        int code = deploy == Status.ERROR ? 417 : deploy == Status.COMPLETE && recovering == Status.COMPLETE ? 200 : 202;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", code == 200 ? "HEALTHY" : code == 417 ? "ERROR" : "IN_PROGRESS");
        body.put(deployment.name(), deploy.name());
        body.put("recovery", recovering.name());
        return new ApiResponse(code, body);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
