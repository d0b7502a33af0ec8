package io.stratum.sdk.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiRequest;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decodes a JSON request body into a value, refusing what does not fit with a 400 that names the
 * field by its path in the body ({@code pods.hello.count}, {@code pods.hello.tasks.server.ports[0]})
 * and says what it must be in JSON's terms ("must be a number", "must be one of [RUNNING, FINISH]"),
 * never with a Java type or exception name. Syntax is checked first, strictly
 * ({@link ApiRequest#bodyAsJson}). Thread-safe.
 */
final class JsonBodies {
    private static final Pattern INTERNAL = Pattern.compile("`|java\\.|io\\.stratum|jackson|Exception|\\bclass\\b");

    private JsonBodies() {}

    /**
     * @param parameter what the body is called in errors at its root (e.g. {@code body})
     * @param decoder   turns the body's JSON text into a value; throws {@link IllegalArgumentException}
     *                  caused by Jackson's {@link JsonProcessingException} when it does not fit
     * @return the decoded JSON object
     * @throws ApiException (400) if the body is missing, not one JSON object, or does not fit
     */
    static <T> T object(ApiRequest request, String parameter, Function<String, T> decoder) {
        JsonNode node = request.bodyAsJson(parameter);
        if (node == null) {
            throw ApiException.badRequest(parameter, "this call needs a JSON object as its body");
        }
        if (!node.isObject()) {
            throw ApiException.badRequest(parameter, "the body must be a JSON object, not " + kind(node));
        }
        try {
            return decoder.apply(node.toString());
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException mapping) {
                throw refusal(mapping, parameter);
            }
            throw e;
        }
    }

    /** @return the refusal for a value that does not fit, located by its path in the body */
    static ApiException refusal(JsonMappingException e, String parameter) {
        String path = path(e);
        String where = path.isEmpty() ? parameter : path;
        return ApiException.badRequest(where, problem(e));
    }

    private static String problem(JsonMappingException e) {
        if (e instanceof PropertyBindingException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'" + known(unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidTypeIdException typeId) {
            return "unknown kind '" + typeId.getTypeId() + "'";
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof ValueInstantiationException) {
            return invalid(e.getCause());
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (mismatch instanceof InvalidFormatException format && format.getValue() != null
                    && !(format.getTargetType() != null && format.getTargetType().isEnum())) {
                return "must be " + expected(mismatch.getTargetType()) + ", not " + shown(format.getValue());
            }
            String message = String.valueOf(e.getOriginalMessage());
            if (message.contains("null") && mismatch.getTargetType() != null && mismatch.getTargetType().isPrimitive()) {
                return "must not be null";
            }
            return "must be " + expected(mismatch.getTargetType());
        }
        if (e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
            return "is out of range: too large or too small for its field";
        }
        return "is not valid here";
    }

    /** A constructor's refusal: its own message when it speaks in the user's terms. */
    private static String invalid(Throwable cause) {
        if (cause instanceof NullPointerException && cause.getMessage() != null && cause.getMessage().matches("[\\w-]+")) {
            return "needs the field '" + cause.getMessage() + "'";
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null
                && !INTERNAL.matcher(cause.getMessage()).find()) {
            return cause.getMessage();
        }
        return "is not a valid value";
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(reference.getFieldName());
            }
        }
        return out.toString();
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return "; known fields: " + new TreeSet<>(ids.stream().map(String::valueOf).toList()).stream()
                .collect(Collectors.joining(", "));
    }

    /** What a value of {@code type} is, in JSON's words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) ? "an object (names to values)" : "an object";
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "that";
        };
    }
}
