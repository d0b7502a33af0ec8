package io.stratum.sdk.spec;

import java.util.Objects;

/**
 * One problem found in a service spec: where it is and what is wrong.
 *
 * <p>{@link #format()} gives the one-line form the CLI prints:
 * {@code FILE:LINE:COL: yaml.path: message}.
 *
 * @param file     the spec file's name as given to the loader (never null)
 * @param location line and column in the template file
 * @param path     the YAML path, e.g. {@code pods.hello.tasks.server.cpus}; empty for the document
 * @param message  what is wrong, in words, naming the offending value where there is one
 */
public record SpecProblem(String file, SpecLocation location, String path, String message) {
    public SpecProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** The problem as {@code FILE:LINE:COL: yaml.path: message}. */
    public String format() {
        String where = file + ":" + location.line() + ":" + location.column() + ": ";
        return path.isEmpty() ? where + message : where + path + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
