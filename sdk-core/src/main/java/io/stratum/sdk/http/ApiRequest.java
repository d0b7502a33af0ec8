package io.stratum.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.discovery.PodAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One API request: method, path and query parameters, and body; for a framework's own routes, also
 * where the service's pod instances are placed.
 *
 * @param method     the HTTP method, upper case
 * @param path       the request path, e.g. {@code /v1/plans/deploy}
 * @param pathParams values of the route's {@code {name}} segments
 * @param query      query parameters (the server refuses a name given twice, and names the route
 *                   does not take: see {@link ApiHandler#queryParameters()})
 * @param body       the raw body (empty when none)
 * @param discovery  for a request to a framework's own route ({@code Service.Builder.endpoint}):
 *                   every pod instance of the service placed when the request arrived (holding
 *                   reservations: launched, or only reserved by a {@code reserve-only} phase), by pod
 *                   type in spec order, then index, of every pod, discoverable or not, as
 *                   {@link io.stratum.sdk.discovery.TaskContext#instances()} lists them at a launch;
 *                   a snapshot of the scheduler's task records, read without waiting for the
 *                   scheduler. Empty for the SDK's own routes, and while nothing is placed.
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
        byte[] body, List<PodAddress> discovery) {
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
        discovery = List.copyOf(discovery);
    }

    /** A request without discovery (an empty {@link #discovery()}). */
    public ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
            byte[] body) {
        this(method, path, pathParams, query, body, List.of());
    }

    /** @return this request with {@code placed} as its {@link #discovery()} */
    public ApiRequest withDiscovery(List<PodAddress> placed) {
        return new ApiRequest(method, path, pathParams, query, body, placed);
    }

    /** @return the path parameter {@code name} (routes guarantee it is present) */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return value;
    }

    /** @return the query parameter {@code name}, if given and not empty */
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    /**
     * @param parameter the name a refusal gives (e.g. {@code body})
     * @return the body as one JSON value, or null when the body is empty or blank
     * @throws ApiException (400) if the body is not exactly one valid JSON value (text after it,
     *                      duplicate names and nesting deeper than 64 levels are refused), with the
     *                      line and column of the fault
     */
    public JsonNode bodyAsJson(String parameter) {
        return JsonText.parse(body, parameter);
    }

    /** @return the body as a JSON object of string values; empty body gives an empty map */
    public Map<String, String> bodyAsStringMap(String parameter) {
        JsonNode node = bodyAsJson(parameter);
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiException.badRequest(parameter, "the body must be a JSON object of names to string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            if (field.getValue().isContainerNode() || field.getValue().isNull()) {
                throw ApiException.badRequest(field.getKey(), "must be a string, number or boolean");
            }
            out.put(field.getKey(), field.getValue().asText());
        }
        return out;
    }

    /**
     * @return the body as UTF-8 text
     * @throws ApiException (400, parameter {@code body}) if it is not valid UTF-8
     */
    public String bodyText() {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("body", "the body is not UTF-8 text");
        }
    }
}
