package io.stratum.sdk.internal.spec;

import io.stratum.sdk.spec.ServiceSpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a {@link ServiceSpec}: how the config store keeps specs. {@code fromJson(toJson(s))}
 * equals {@code s}. Thread-safe.
 */
public final class SpecJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A value that does not fit its field is refused, not rounded or zeroed.
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private SpecJson() {}

    /** @return {@code spec} as JSON text */
    public static String toJson(ServiceSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ServiceSpec could not be written as JSON", e);
        }
    }

    /**
     * @return the spec in {@code json}
     * @throws IllegalArgumentException if {@code json} is not a spec written by {@link #toJson}
     */
    public static ServiceSpec fromJson(String json) {
        try {
            return MAPPER.readValue(json, ServiceSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored service spec: " + e.getOriginalMessage(), e);
        }
    }
}
