package io.stratum.sdk.placement;

import java.util.List;
import java.util.stream.Collectors;

/** Renders strings and lists of strings in the canonical JSON-list form the parser reads back. */
final class JsonText {

    private JsonText() {
    }

    /** @return {@code value} in double quotes, with {@code \} and {@code "} escaped */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** @return e.g. {@code ["hostname","UNIQUE"]} */
    static String list(List<String> values) {
        return values.stream().map(JsonText::quote).collect(Collectors.joining(",", "[", "]"));
    }
}
