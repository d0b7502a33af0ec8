package io.stratum.sdk.internal.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecRule.Violation;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a proposed target from the JSON of a config update ({@code PUT /v1/configurations/target},
 * what {@code stratum update} sends: the {@link SpecJson} form): anything that is not such a spec
 * is refused with one problem located by its path in spec terms ({@code pods.hello.count}) and
 * worded for a person, never naming a Java type. A {@code lastRefused} field (what {@code GET}
 * adds) is ignored, so a target read back can be sent again. Only the shape is checked here; the
 * spec's rules are {@link io.stratum.sdk.spec.SpecValidator}'s. Thread-safe.
 */
public final class SpecJsonReader {
    /** The field {@code GET /v1/configurations/target} adds to the spec; not part of it. */
    public static final String LAST_REFUSED = "lastRefused";

    /** As the API's other bodies: deeper than any spec (about 8 levels), duplicate names refused. */
    private static final int MAX_DEPTH = 64;
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfigDefaults(config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Float, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert))
            .withCoercionConfig(LogicalType.Integer, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
            .withCoercionConfig(LogicalType.Boolean, config -> config
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert))
            .build();

    /** The spec read, or why there is none (at least one problem). */
    public record Result(ServiceSpec spec, List<Violation> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private SpecJsonReader() {}

    /** @return the spec in {@code json}, or the problem that keeps it from being one */
    public static Result read(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return refused("", notJson(e));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return refused("", "the body must be a service spec (a JSON object), got " + (tree == null
                    || tree.isMissingNode() ? "nothing" : "null"));
        }
        if (!tree.isObject()) {
            return refused("", "the body must be a service spec (a JSON object), got " + describe(tree));
        }
        ((ObjectNode) tree).remove(LAST_REFUSED);
        try {
            return new Result(MAPPER.treeToValue(tree, ServiceSpec.class), List.of());
        } catch (JsonProcessingException e) {
            String path = path(e);
            String problem = problem(e);
            if (problem.startsWith("required field '")) {
                // the field a record's constructor found missing: locate it, not its record
                String field = problem.substring("required field '".length(), problem.indexOf('\'', 16));
                path = path.isEmpty() ? field : path + "." + field;
            }
            return refused(path, problem);
        }
    }

    private static Result refused(String path, String message) {
        return new Result(null, List.of(new Violation(path, message)));
    }

    private static String notJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (e instanceof StreamConstraintsException) {
            return "the body is not valid JSON" + where + ": it is too large or nested deeper than " + MAX_DEPTH
                    + " levels";
        }
        return "the body is not valid JSON" + where + ": " + plain(e.getOriginalMessage());
    }

    /** The path of the value at fault, in spec terms: fields in kebab-case, map keys as they are. */
    private static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return e.getCause() instanceof JsonProcessingException cause && cause != e ? path(cause) : "";
        }
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                boolean key = ref.getFrom() instanceof Map || ref.getFrom() instanceof Collection;
                out.append(out.length() == 0 ? "" : ".").append(key ? ref.getFieldName() : kebab(ref.getFieldName()));
            }
        }
        return out.toString();
    }

    private static String problem(JsonProcessingException e) {
        if (e instanceof PropertyBindingException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).map(SpecJsonReader::kebab).sorted().collect(Collectors.joining(", "));
            return "unknown field '" + unknown.getPropertyName() + "'" + (known.isEmpty() ? "" : "; fields: " + known);
        }
        if (e instanceof InvalidTypeIdException typeId) {
            return "unknown kind '" + typeId.getTypeId() + "'" + kinds(typeId.getBaseType().getRawClass());
        }
        if (e instanceof ValueInstantiationException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof NullPointerException && cause.getMessage() != null
                    && cause.getMessage().matches("[a-zA-Z]+")) {
                return "required field '" + kebab(cause.getMessage()) + "' is missing";
            }
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return plain(cause.getMessage());
            }
            return "expected a mapping of fields without null entries";
        }
        Throwable coercion = e instanceof InputCoercionException ? e : e.getCause();
        if (coercion instanceof InputCoercionException c && c.getTargetType() != null) {
            return expected(c.getTargetType());
        }
        if (e instanceof InvalidFormatException format) {
            return expected(format.getTargetType()) + ", got '" + format.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return expected(mismatch.getTargetType());
        }
        return plain(e.getOriginalMessage());
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "expected a whole number (within " + (type == long.class || type == Long.class ? "64" : "32")
                    + " bits)";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "expected a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "expected true or false";
        }
        if (type == String.class) {
            return "expected a text value";
        }
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
            return "expected one of " + String.join(", ", names);
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "expected a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "expected a mapping of names to values";
        }
        return "expected a mapping of fields" + kinds(type);
    }

    private static String kinds(Class<?> type) {
        JsonSubTypes subtypes = type.getAnnotation(JsonSubTypes.class);
        return subtypes == null ? "" : " (its 'kind' one of " + Arrays.stream(subtypes.value())
                .map(JsonSubTypes.Type::name).collect(Collectors.joining(", ")) + ")";
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case STRING -> "the text '" + node.asText() + "'";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> node.asText();
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** A parser's message without the Java names some of them carry (classes, methods, packages). */
    private static String plain(String message) {
        if (message == null) {
            return "unreadable value";
        }
        String text = message.replaceAll("\\s*\\(from `[^`]*`\\)", "")
                .replaceAll("`[^`]*`", "")
                .replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:\\.[A-Za-z0-9_$]+)*(?:\\(\\))?", "value")
                .replaceAll("\\s*\\n.*", "")
                .strip();
        return text.isEmpty() ? "unreadable value" : text;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
