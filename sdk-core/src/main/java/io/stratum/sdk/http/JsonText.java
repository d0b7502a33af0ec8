package io.stratum.sdk.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Strict reading of a JSON request body: one value, nothing after it, no duplicate names, no
 * deeper than {@value #MAX_DEPTH} levels. Refusals are {@link ApiException}s (400) whose message
 * says where (line and column) and what, in JSON's terms: never a Java type or a parser's
 * internals. Thread-safe.
 */
final class JsonText {
    /** Deeper than any body the API takes (a service spec nests about 8 levels). */
    static final int MAX_DEPTH = 64;
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(start marker at )?\\[Source: [^\\]]*\\]\\)?");
    private static final Pattern INTERNAL = Pattern.compile("`|java\\.|jackson|Feature|Constraints|Exception|\\bclass\\b");
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private JsonText() {}

    /**
     * @param parameter the name errors give (e.g. {@code body})
     * @return the one JSON value of {@code body}, or null when the body is empty or blank
     * @throws ApiException (400) if it is not exactly one valid JSON value
     */
    static JsonNode parse(byte[] body, String parameter) {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonNode node = JSON.readTree(parser);
            if (node == null || node.isMissingNode()) {
                return null;
            }
            JsonLocation after = parser.currentLocation();
            try {
                if (parser.nextToken() != null) {
                    throw trailing(parameter, after);
                }
            } catch (JsonProcessingException e) {
                throw trailing(parameter, after);
            }
            return node;
        } catch (StreamConstraintsException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            throw ApiException.badRequest(parameter, message.contains("nesting depth")
                    ? "the body nests deeper than " + MAX_DEPTH + " levels of arrays and objects"
                    : "the body holds a value longer than the API takes" + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(parameter, "the body is not valid JSON" + at(e.getLocation()) + clean(e));
        } catch (IOException e) {
            throw ApiException.badRequest(parameter, "the body could not be read");
        }
    }

    private static ApiException trailing(String parameter, JsonLocation after) {
        return ApiException.badRequest(parameter, "the body holds more than one JSON value: text follows the value that"
                + " ends" + at(after).replace(" (", " ").replace(")", ""));
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The parser's own words, without its source references or anything naming its internals. */
    private static String clean(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "";
        }
        message = SOURCE.matcher(message).replaceAll("").strip();
        return message.isEmpty() || INTERNAL.matcher(message).find() ? "" : ": " + message;
    }
}
