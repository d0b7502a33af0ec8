package io.stratum.sdk.internal.spec;

import io.stratum.sdk.spec.SpecLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of a rendered service spec, for editor completion and external
 * linting. It describes the same fields {@link SpecLoader} reads; the loader remains the authority
 * on cross-field rules the schema cannot express.
 */
public final class ServiceSpecSchema {
    private static final String RESOURCE = "service-spec.schema.json";

    private ServiceSpecSchema() {}

    /** @return the schema as JSON text */
    public static String json() {
        try (InputStream in = ServiceSpecSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the spec schema resource is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
