package io.stratum.sdk.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML text into a {@link YamlNode} tree with Jackson's streaming YAML parser.
 *
 * <p>Jackson leaves aliases unresolved (it reports the anchor's name as a string), so this reader
 * resolves them itself by sharing the anchored subtree. Sharing keeps memory flat, but walking a
 * "billion laughs" document would still expand it exponentially; the expanded size is therefore
 * computed (memoised per node) and a document that would exceed {@link #MAX_EXPANDED_NODES}
 * nodes is refused before anything walks it.
 */
final class YamlTreeReader {
    /** Upper bound on the number of nodes of the alias-expanded document. */
    static final int MAX_EXPANDED_NODES = 100_000;
    private static final String MERGE_KEY = "<<";

    /**
     * An empty plain value ({@code end:}) is null in YAML; the builder does not switch on the
     * parser feature saying so by default, and without it Jackson reports an empty string.
     */
    private static final YAMLFactory FACTORY = new AnchoringYamlFactory(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL));

    private final Problems problems;
    private final Map<String, YamlNode> anchors = new HashMap<>();

    private YamlTreeReader(Problems problems) {
        this.problems = problems;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(8 * 1024 * 1024);
        options.setNestingDepthLimit(100);
        return options;
    }

    /** Parses {@code text}; returns the root mapping, or empty after adding problems. */
    static Optional<YamlNode.Mapping> read(String text, Problems problems) {
        return new YamlTreeReader(problems).readDocument(text);
    }

    private Optional<YamlNode.Mapping> readDocument(String text) {
        try (var parser = (AnchoringYamlFactory.Parser) FACTORY.createParser(new StringReader(text))) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                problems.add(new SpecLocation(1, 1), "", "the spec is empty");
                return Optional.empty();
            }
            int errorsBefore = problems.size();
            YamlNode root = readValue(parser);
            if (parser.nextToken() != null) {
                problems.add(location(parser.currentTokenLocation()), "",
                        "the file holds more than one YAML document; a spec is one document");
            }
            if (problems.size() > errorsBefore) {
                return Optional.empty();
            }
            if (!(root instanceof YamlNode.Mapping mapping)) {
                problems.add(root.location(), "", "the spec must be a mapping of fields, got " + root.describe());
                return Optional.empty();
            }
            long size = expandedSize(root, new IdentityHashMap<>());
            if (size > MAX_EXPANDED_NODES) {
                problems.add(root.location(), "", "YAML aliases expand this document to more than "
                        + MAX_EXPANDED_NODES + " nodes; refusing it (an alias bomb?)");
                return Optional.empty();
            }
            return Optional.of(mapping);
        } catch (JsonProcessingException e) {
            problems.add(location(e.getLocation()), "", "YAML syntax error: " + cleanMessage(e.getOriginalMessage()));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(SpecLocation.UNKNOWN, "", "cannot read the YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    private YamlNode readValue(AnchoringYamlFactory.Parser parser) throws IOException {
        JsonToken token = parser.currentToken();
        SpecLocation at = location(parser.currentTokenLocation());
        String anchor = parser.anchor();
        YamlNode node = switch (token) {
            case START_OBJECT -> readMapping(parser, at);
            case START_ARRAY -> readSequence(parser, at);
            default -> readScalar(parser, token, at);
        };
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private YamlNode readScalar(AnchoringYamlFactory.Parser parser, JsonToken token, SpecLocation at)
            throws IOException {
        if (parser.isCurrentAlias()) {
            String name = parser.getText();
            YamlNode target = anchors.get(name);
            if (target == null) {
                problems.add(at, "", "unknown YAML alias '*" + name + "'");
                return new YamlNode.Scalar(null, YamlNode.ScalarKind.NULL, at);
            }
            return target;
        }
        return switch (token) {
            case VALUE_NULL -> new YamlNode.Scalar(null, YamlNode.ScalarKind.NULL, at);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarKind.BOOL, at);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarKind.INT, at);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarKind.FLOAT, at);
            default -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarKind.STRING, at);
        };
    }

    private YamlNode readMapping(AnchoringYamlFactory.Parser parser, SpecLocation at) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        List<YamlNode> merges = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SpecLocation keyAt = location(parser.currentTokenLocation());
            parser.nextToken();
            YamlNode value = readValue(parser);
            if (MERGE_KEY.equals(key)) {
                merges.add(value);
                continue;
            }
            YamlNode.Entry previous = entries.get(key);
            if (previous != null) {
                problems.add(keyAt, "", "duplicate key '" + key + "' (first defined at line "
                        + previous.keyLocation().line() + ")");
                continue;
            }
            entries.put(key, new YamlNode.Entry(key, keyAt, value));
        }
        for (YamlNode merge : merges) {
            merge(entries, merge);
        }
        return new YamlNode.Mapping(entries, at);
    }

    private void merge(Map<String, YamlNode.Entry> entries, YamlNode source) {
        if (source instanceof YamlNode.Mapping mapping) {
            mapping.entries().forEach(entries::putIfAbsent);
        } else if (source instanceof YamlNode.Sequence sequence) {
            sequence.items().forEach(item -> merge(entries, item));
        } else {
            problems.add(source.location(), "", "a merge key '<<' needs a mapping or a list of mappings, got "
                    + source.describe());
        }
    }

    private YamlNode readSequence(AnchoringYamlFactory.Parser parser, SpecLocation at) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(parser));
        }
        return new YamlNode.Sequence(items, at);
    }

    private static long expandedSize(YamlNode node, Map<YamlNode, Long> memo) {
        Long known = memo.get(node);
        if (known != null) {
            return known;
        }
        long size = 1;
        if (node instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries().values()) {
                size = Math.min(size + expandedSize(entry.value(), memo), Long.MAX_VALUE / 4);
            }
        } else if (node instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                size = Math.min(size + expandedSize(item, memo), Long.MAX_VALUE / 4);
            }
        }
        memo.put(node, size);
        return size;
    }

    private static SpecLocation location(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return SpecLocation.UNKNOWN;
        }
        return new SpecLocation(location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }

    /** SnakeYAML's messages end with a "in 'reader', line N" block and a source excerpt; drop them. */
    static String cleanMessage(String message) {
        if (message == null) {
            return "malformed YAML";
        }
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("in 'reader'") || trimmed.startsWith("^")
                    || line.startsWith("    ")) {
                continue;
            }
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(trimmed.replaceAll("\\s*in 'reader', line \\d+, column \\d+:?", ""));
        }
        return out.length() == 0 ? "malformed YAML" : out.toString();
    }
}
