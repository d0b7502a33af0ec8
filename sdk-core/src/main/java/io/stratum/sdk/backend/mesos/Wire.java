package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON conventions of the Mesos v1 API that every message shares: ids are objects
 * ({@code {"value": "..."}}), labels are {@code {"labels": [{"key", "value"}]}}, durations are
 * nanoseconds, field names are the protobuf ones (snake case). Stateless.
 */
final class Wire {
    /** Reads events and writes calls; thread-safe once configured. */
    static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** @return {@code {"value": value}}, the shape of every Mesos id */
    static ObjectNode id(String value) {
        return object().put("value", value);
    }

    /** @return the {@code value} of the id object in {@code field}, if there is one */
    static Optional<String> idOf(JsonNode message, String field) {
        JsonNode value = message.path(field).path("value");
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** @return the text in {@code field}, if present */
    static Optional<String> text(JsonNode message, String field) {
        JsonNode value = message.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** @return a {@code Labels} message holding {@code labels} in order */
    static ObjectNode labels(Map<String, String> labels) {
        ObjectNode message = object();
        ArrayNode list = message.putArray("labels");
        labels.forEach((key, value) -> list.addObject().put("key", key).put("value", value));
        return message;
    }

    /** @return the key/value pairs of a {@code Labels} message (a missing value reads as empty) */
    static Map<String, String> labels(JsonNode message) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (JsonNode label : message.path("labels")) {
            labels.put(label.path("key").asText(), label.path("value").asText(""));
        }
        return labels;
    }

    /** @return a {@code DurationInfo} of {@code duration} */
    static ObjectNode duration(Duration duration) {
        return object().put("nanoseconds", duration.toNanos());
    }

    /**
     * @return {@code amount} rounded to the thousandth Mesos keeps of scalars, so that sums of
     *     fractions such as 0.1 + 0.2 are sent as the master will count them
     */
    static double scalar(double amount) {
        return Math.round(amount * 1000) / 1000.0;
    }
}
