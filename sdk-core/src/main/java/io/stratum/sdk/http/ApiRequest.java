package io.stratum.sdk.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One API request: method, path and query parameters, and body.
 *
 * @param method     the HTTP method, upper case
 * @param path       the request path, e.g. {@code /v1/plans/deploy}
 * @param pathParams values of the route's {@code {name}} segments
 * @param query      query parameters (the last value wins for repeated names)
 * @param body       the raw body (empty when none)
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
        byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
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

    /** @return the body as a JSON object of string values; empty body gives an empty map */
    public Map<String, String> bodyAsStringMap(String parameter) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(parameter, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest(parameter, "the body could not be read: " + e.getMessage());
        }
        if (!node.isObject()) {
            throw ApiException.badRequest(parameter, "the body must be a JSON object of names to string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            if (field.getValue().isContainerNode()) {
                throw ApiException.badRequest(parameter, "value of '" + field.getKey() + "' must be a string, number or boolean");
            }
            out.put(field.getKey(), field.getValue().asText());
        }
        return out;
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
