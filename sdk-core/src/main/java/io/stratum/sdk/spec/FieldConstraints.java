package io.stratum.sdk.spec;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Runs the Jakarta Validation constraints declared on the spec records ({@code @Positive cpus},
 * {@code @Pattern name}, ...) and reports each violation at the YAML path it came from. Record
 * component names map to spec field names by camelCase to kebab-case ({@code killGracePeriod} is
 * {@code kill-grace-period}); map keys become path segments. A violation at a path the reader
 * already reported a problem at (or inside) is left out.
 */
final class FieldConstraints {
    /** Held so the level set on it is not garbage-collected away (JUL keeps loggers weakly). */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate.validator");

    private static final class Holder {
        static final Validator VALIDATOR = create();

        private static Validator create() {
            HIBERNATE_LOG.setLevel(Level.WARNING);
            Logger.getLogger("org.hibernate").setLevel(Level.WARNING);
            ValidatorFactory factory = Validation.byDefaultProvider().configure()
                    .messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory();
            return factory.getValidator();
        }
    }

    private FieldConstraints() {}

    static void check(ServiceSpec spec, Locations locations, Problems problems) {
        Holder.VALIDATOR.validate(spec).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(violation -> report(violation, locations, problems));
    }

    private static void report(ConstraintViolation<ServiceSpec> violation, Locations locations, Problems problems) {
        String path = locations.yamlPath(yamlPath(violation.getPropertyPath()));
        if (problems.covers(path)) {
            // The reader already reported this value (missing, of the wrong type, or a bad item of
            // a collection); the constraint would only repeat it about the placeholder left behind.
            return;
        }
        String message = violation.getMessage();
        Object value = violation.getInvalidValue();
        if (path.endsWith(".name") || path.equals("name")) {
            if (path.contains(".")) {
                path = path.substring(0, path.length() - ".name".length());
            }
            message = "name '" + value + "' " + message;
        } else if (value != null && !(value instanceof Map) && !(value instanceof Collection)
                && !(value instanceof String text && text.isBlank())) {
            message = message + ", got " + (value instanceof Number n ? SpecFormat.number(n.doubleValue()) : "'" + value + "'");
        }
        problems.add(locations.of(path), path, message);
    }

    static String yamlPath(Path propertyPath) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                if (node.getKey() != null) {
                    out.append('.').append(node.getKey());
                } else if (node.getIndex() != null) {
                    out.append('[').append(node.getIndex()).append(']');
                }
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                out.append('.').append(kebab(name));
            }
        }
        return out.length() > 0 && out.charAt(0) == '.' ? out.substring(1) : out.toString();
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
