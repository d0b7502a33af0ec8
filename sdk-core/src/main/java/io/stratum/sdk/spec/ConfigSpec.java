package io.stratum.sdk.spec;

import jakarta.validation.constraints.NotBlank;
import java.util.Objects;

/**
 * A config file rendered (mustache, against the task's environment) into the sandbox before the
 * task starts.
 *
 * @param name     the config's name
 * @param template the template's path as written, relative to the spec file's folder
 * @param dest     where the rendered file goes, relative to the sandbox
 * @param content  the template's text, read when the spec was loaded (so a template change is a
 *                 config change)
 */
public record ConfigSpec(String name, @NotBlank(message = "must not be empty") String template,
        @NotBlank(message = "must not be empty") String dest, String content) {
    public ConfigSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(dest, "dest");
        content = content == null ? "" : content;
    }
}
