package io.stratum.sdk.internal.config;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import io.stratum.sdk.spec.ConfigSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a task's config templates against its environment, by the spec's rules: mustache,
 * strict (a variable with no value is an error), {@code {{VAR}}} HTML-escaped and
 * {@code {{{VAR}}}} not, as in the DC/OS SDK; a section over a missing, empty or {@code "false"}
 * value is skipped. Shared by the backends that launch tasks (local, mesos); not for framework
 * authors. Stateless.
 */
public final class ConfigRenderer {
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .strictSections(false)
            .emptyStringIsFalse(true)
            .escapeHTML(true);

    private ConfigRenderer() {}

    /**
     * @param configs     the task's configs by name
     * @param environment the task's whole environment
     * @return the rendered text by destination (relative to the sandbox)
     * @throws IllegalArgumentException naming the config and the problem, if one does not render
     */
    public static Map<String, String> render(Map<String, ConfigSpec> configs, Map<String, String> environment) {
        Map<String, Object> context = new HashMap<>();
        environment.forEach((key, value) -> context.put(key, "false".equalsIgnoreCase(value) ? Boolean.FALSE : value));
        Map<String, String> rendered = new LinkedHashMap<>();
        for (ConfigSpec config : configs.values()) {
            try {
                rendered.put(config.dest(), COMPILER.compile(config.content()).execute(context));
            } catch (MustacheException.Context e) {
                throw new IllegalArgumentException("config template " + config.name() + " (" + config.template()
                        + "): no value for '" + e.key + "' on line " + e.lineNo, e);
            } catch (MustacheException e) {
                throw new IllegalArgumentException("config template " + config.name() + " (" + config.template()
                        + "): " + e.getMessage(), e);
            }
        }
        return rendered;
    }
}
