package io.stratum.sdk.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw layer: a YAML document as a tree of located nodes, before any meaning is given to it.
 * Aliases are resolved (shared subtrees), merge keys applied, duplicate keys rejected.
 */
sealed interface YamlNode {
    SpecLocation location();

    /** A short word for error messages: "a mapping", "a list", "a number", ... */
    String describe();

    /** The kind of scalar token Jackson's YAML parser saw; quoted values are always STRING. */
    enum ScalarKind { STRING, INT, FLOAT, BOOL, NULL }

    record Scalar(String text, ScalarKind kind, SpecLocation location) implements YamlNode {
        boolean isNull() {
            return kind == ScalarKind.NULL;
        }

        @Override
        public String describe() {
            return switch (kind) {
                case NULL -> "an empty value";
                case BOOL -> "a boolean (" + text + ")";
                case INT, FLOAT -> "a number (" + text + ")";
                case STRING -> "a string ('" + text + "')";
            };
        }
    }

    /** A key with its own location, so "unknown field" errors point at the key. */
    record Entry(String key, SpecLocation keyLocation, YamlNode value) {}

    record Mapping(Map<String, Entry> entries, SpecLocation location) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, SpecLocation location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
