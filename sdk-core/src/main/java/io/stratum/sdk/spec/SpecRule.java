package io.stratum.sdk.spec;

import java.util.List;
import java.util.Objects;

/**
 * A framework's own check of a loaded spec (for example "the cassandra pod needs at least 4 GB"),
 * run by {@link SpecLoader} after the built-in rules. Its violations are located like any other
 * problem. Implementations must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface SpecRule {

    /** @return the violations of {@code spec}; empty when it is fine */
    List<Violation> check(ServiceSpec spec);

    /**
     * One violation.
     *
     * @param path    the YAML path it concerns, e.g. {@code pods.node.tasks.server.memory}
     * @param message what is wrong
     */
    record Violation(String path, String message) {
        public Violation {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }
    }
}
