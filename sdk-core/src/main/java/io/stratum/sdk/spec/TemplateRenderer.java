package io.stratum.sdk.spec;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a spec template as mustache against an environment, strictly: a {@code {{VAR}}} with
 * no value is an error naming the variable and its line. {@code {{VAR}}} is HTML-escaped and
 * {@code {{{VAR}}}} is not, as in the DC/OS SDK. A section over a missing, empty or
 * {@code "false"} value is skipped; its inverse renders.
 */
final class TemplateRenderer {
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .strictSections(false)
            .emptyStringIsFalse(true)
            .escapeHTML(true);
    private static final Pattern LINE_SUFFIX = Pattern.compile("(?s)(.*) @ line (\\d+)");

    private TemplateRenderer() {}

    /** Renders {@code template}; returns empty after adding problems. */
    static Optional<String> render(String template, Map<String, String> env, Problems problems) {
        if (!template.contains("{{")) {
            return Optional.of(template);
        }
        Map<String, Object> context = new HashMap<>();
        env.forEach((key, value) -> context.put(key, "false".equalsIgnoreCase(value) ? Boolean.FALSE : value));
        try {
            return Optional.of(COMPILER.compile(template).execute(context));
        } catch (MustacheException.Context e) {
            problems.addAtTemplate(new SpecLocation(e.lineNo, 1), "",
                    "missing template variable '" + e.key + "': set it in the environment, with --env "
                            + e.key + "=VALUE or in an --env-file");
            return Optional.empty();
        } catch (MustacheException e) {
            // JMustache's parse errors end with " @ line N" but carry no line field.
            Matcher at = LINE_SUFFIX.matcher(String.valueOf(e.getMessage()));
            if (at.matches()) {
                problems.addAtTemplate(new SpecLocation(Integer.parseInt(at.group(2)), 1), "",
                        "template error: " + at.group(1));
            } else {
                problems.addAtTemplate(SpecLocation.UNKNOWN, "", "template error: " + e.getMessage());
            }
            return Optional.empty();
        }
    }
}
