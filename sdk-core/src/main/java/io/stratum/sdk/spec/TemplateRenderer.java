package io.stratum.sdk.spec;

import com.samskivert.mustache.DefaultCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a spec template as mustache against an environment, strictly: a {@code {{VAR}}} with
 * no value is an error naming the variable and its line. {@code {{VAR}}} is HTML-escaped and
 * {@code {{{VAR}}}} is not, as in the DC/OS SDK. A section over a missing, empty or
 * {@code "false"} value is skipped; its inverse renders. Names are looked up in the environment
 * only: {@code {{NAME.length}}} is a missing variable, not a Java method of the value.
 */
final class TemplateRenderer {
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .strictSections(false)
            .emptyStringIsFalse(true)
            .escapeHTML(true)
            // Only the environment's names: no methods or fields of a value, and a name with an empty
            // part ({{A..B}}, which made JMustache throw out of bounds) is missing like any other.
            .withCollector(new DefaultCollector() {
                @Override
                public Mustache.VariableFetcher createFetcher(Object context, String name) {
                    return context instanceof Map && !name.isEmpty() ? super.createFetcher(context, name) : null;
                }
            })
            // A spec is one file: a partial ({{> name}}) is an error of the spec, not of the loader.
            .withLoader(name -> {
                throw new MustacheException("partials ({{> " + name + "}}) are not supported: a spec is one file");
            });
    private static final int MAX_MISSING = 200;
    private static final Pattern LINE_SUFFIX = Pattern.compile("(?s)(.*) @ line (\\d+)");
    private static final Pattern EMPTY_TAG = Pattern.compile("\\{\\{\\s*}}");

    private TemplateRenderer() {}

    /** Where the first partial tag ({@code {{>}}) is, or the first line: the error without a line is a partial's. */
    private static SpecLocation partial(String template) {
        return locate(template, template.indexOf("{{>"));
    }

    /** Where the first empty tag ({@code {{}}}, {@code {{ }}}) is, or the first line. */
    private static SpecLocation emptyTag(String template) {
        Matcher empty = EMPTY_TAG.matcher(template);
        return locate(template, empty.find() ? empty.start() : -1);
    }

    private static SpecLocation locate(String template, int at) {
        if (at < 0) {
            return new SpecLocation(1, 1);
        }
        int lineStart = template.lastIndexOf('\n', at) + 1;
        return new SpecLocation((int) template.substring(0, at).chars().filter(c -> c == '\n').count() + 1,
                at - lineStart + 1);
    }

    /** The 1-based column of {@code key}'s tag on {@code line}, or 1 when it can't be found. */
    static int column(String template, int line, String key) {
        String[] lines = template.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return 1;
        }
        Matcher m = Pattern
                .compile("\\{\\{\\{?[&#^]?\\s*" + Pattern.quote(key) + "\\s*}")
                .matcher(lines[line - 1]);
        return m.find() ? m.start() + 1 : 1;
    }

    /** Renders {@code template}; returns empty after adding problems. */
    static Optional<String> render(String template, Map<String, String> env, Problems problems) {
        if (!template.contains("{{")) {
            return Optional.of(template);
        }
        Map<String, Object> context = new HashMap<>();
        env.forEach((key, value) -> context.put(key, "false".equalsIgnoreCase(value) ? Boolean.FALSE : value));
        try {
            Template compiled;
            try {
                compiled = COMPILER.compile(template);
            } catch (IndexOutOfBoundsException e) {
                // JMustache's parser fails on an empty tag instead of reporting it
                problems.addAtTemplate(emptyTag(template), "", "template error: an empty tag ({{}}) names no variable");
                return Optional.empty();
            }
            // JMustache stops at the first missing variable; note it, give it a stand-in value and
            // render again, so every missing variable is reported in one go.
            boolean missing = false;
            for (int attempt = 0; attempt < MAX_MISSING; attempt++) {
                try {
                    String rendered = compiled.execute(context);
                    return missing ? Optional.empty() : Optional.of(rendered);
                } catch (MustacheException.Context e) {
                    missing = true;
                    problems.addAtTemplate(new SpecLocation(e.lineNo, column(template, e.lineNo, e.key)), "",
                            "missing template variable '" + e.key + "': the environment the spec is rendered with"
                                    + " has no " + e.key);
                    if (context.containsKey(e.key)) {
                        return Optional.empty();
                    }
                    context.put(e.key, "");
                }
            }
            return Optional.empty();
        } catch (MustacheException e) {
            // JMustache's parse errors end with " @ line N" but carry no line field.
            Matcher at = LINE_SUFFIX.matcher(String.valueOf(e.getMessage()));
            if (at.matches()) {
                problems.addAtTemplate(new SpecLocation(Integer.parseInt(at.group(2)), 1), "",
                        "template error: " + at.group(1));
            } else {
                problems.addAtTemplate(partial(template), "", "template error: " + e.getMessage());
            }
            return Optional.empty();
        }
    }
}
