package io.stratum.sdk.spec;

import io.stratum.sdk.internal.text.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads the fields of one YAML mapping into values, recording every problem with its location and
 * path. Each getter registers its key as known; {@link #finish()} then reports the keys nobody
 * asked for as unknown fields, with a "did you mean" suggestion.
 */
final class MappingReader {
    private final YamlNode.Mapping mapping;
    private final String path;
    private final Problems problems;
    private final Locations locations;
    private final Set<String> known = new LinkedHashSet<>();

    MappingReader(YamlNode.Mapping mapping, String path, Problems problems, Locations locations) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
        this.locations = locations;
        locations.put(path, mapping.location());
        mapping.entries().forEach((key, entry) -> locations.put(childPath(key), entry.keyLocation()));
    }

    String path() {
        return path;
    }

    SpecLocation location() {
        return mapping.location();
    }

    Problems problems() {
        return problems;
    }

    Locations locations() {
        return locations;
    }

    String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        known.add(key);
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry != null && !(entry.value() instanceof YamlNode.Scalar s && s.isNull());
    }

    /** The raw node of {@code key}, or null when absent or empty. */
    YamlNode node(String key) {
        return has(key) ? mapping.entries().get(key).value() : null;
    }

    /**
     * A problem with {@code key} (null: with this mapping). It is located at the key, or, when the
     * key is absent, where this mapping is named (its own key), like problems about the mapping.
     */
    void problem(String key, String message) {
        YamlNode.Entry entry = mapping.entries().get(key);
        problems.add(entry == null ? locations.of(path) : entry.keyLocation(), key == null ? path : childPath(key), message);
    }

    void problemHere(String message) {
        problems.add(locations.of(path), path, message);
    }

    String string(String key) {
        YamlNode node = node(key);
        try {
            return node == null ? null : Scalars.text(node);
        } catch (Scalars.BadValue e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    String requiredString(String key) {
        known.add(key);
        YamlNode.Entry entry = mapping.entries().get(key);
        if (entry == null) {
            problem(key, "required field '" + key + "' is missing");
            return null;
        }
        if (!(entry.value() instanceof YamlNode.Scalar)) {
            return string(key);
        }
        String value = string(key);
        if (value == null || value.isBlank()) {
            problem(key, "must not be empty");
        }
        return value;
    }

    Long whole(String key) {
        YamlNode node = node(key);
        try {
            return node == null ? null : Scalars.whole(node);
        } catch (Scalars.BadValue e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    int wholeOr(String key, int fallback) {
        Long value = whole(key);
        if (value == null) {
            return fallback;
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            problem(key, "number " + value + " is too large");
            return fallback;
        }
        return value.intValue();
    }

    Double number(String key) {
        YamlNode node = node(key);
        try {
            return node == null ? null : Scalars.number(node);
        } catch (Scalars.BadValue e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    boolean bool(String key, boolean fallback) {
        YamlNode node = node(key);
        try {
            Boolean value = node == null ? null : Scalars.bool(node);
            return value == null ? fallback : value;
        } catch (Scalars.BadValue e) {
            problem(key, e.getMessage());
            return fallback;
        }
    }

    /** A child mapping's reader, or null (with a problem if the value is not a mapping). */
    MappingReader child(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Mapping m) {
            return new MappingReader(m, childPath(key), problems, locations);
        }
        problem(key, "expected a mapping of fields, got " + node.describe());
        return null;
    }

    /** A mapping of named children, each itself a mapping, read by {@code read(name, reader)}. */
    <T> Map<String, T> named(String key, BiFunction<String, MappingReader, T> read) {
        MappingReader parent = child(key);
        Map<String, T> out = new LinkedHashMap<>();
        if (parent == null) {
            return out;
        }
        for (String name : parent.mapping.entries().keySet()) {
            parent.known.add(name);
            YamlNode value = parent.mapping.entries().get(name).value();
            if (value instanceof YamlNode.Mapping m) {
                T item = read.apply(name, new MappingReader(m, parent.childPath(name), problems, locations));
                if (item != null) {
                    out.put(name, item);
                }
            } else {
                parent.problem(name, "expected a mapping of fields, got " + value.describe());
            }
        }
        return out;
    }

    /** A mapping of names to text values ({@code env}, {@code labels}); null values become "". */
    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        YamlNode node = node(key);
        if (node == null) {
            return out;
        }
        if (!(node instanceof YamlNode.Mapping m)) {
            problem(key, "expected a mapping of names to values, got " + node.describe());
            return out;
        }
        String at = childPath(key);
        m.entries().forEach((name, entry) -> {
            locations.put(at + "." + name, entry.keyLocation());
            try {
                String value = Scalars.text(entry.value());
                out.put(name, value == null ? "" : value);
            } catch (Scalars.BadValue e) {
                problems.add(entry.keyLocation(), at + "." + name, e.getMessage());
            }
        });
        return out;
    }

    /** A list of text values; a single text value is taken as a list of one. */
    List<String> stringList(String key) {
        List<String> out = new ArrayList<>();
        YamlNode node = node(key);
        if (node == null) {
            return out;
        }
        List<YamlNode> items = node instanceof YamlNode.Sequence s ? s.items() : List.of(node);
        for (int i = 0; i < items.size(); i++) {
            locations.put(childPath(key) + "[" + i + "]", items.get(i).location());
            try {
                String value = Scalars.text(items.get(i));
                if (value != null) {
                    out.add(value);
                }
            } catch (Scalars.BadValue e) {
                problems.add(items.get(i).location(), childPath(key) + "[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    /** Rejects {@code key} when present (and not trivially empty) as a feature Stratum does not run. */
    void unsupported(String key, String feature) {
        if (has(key)) {
            problem(key, "not supported: " + feature);
        }
    }

    /** Reports every key no getter asked for. */
    void finish() {
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!known.contains(entry.key())) {
                problems.add(entry.keyLocation(), childPath(entry.key()), "unknown field '" + entry.key() + "'"
                        + DidYouMean.hint(entry.key(), known));
            }
        }
    }
}
