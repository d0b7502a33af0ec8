package io.stratum.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.stratum.sdk.spec.YamlNode.ScalarKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The raw YAML layer: located nodes, aliases, merge keys, duplicates and alias bombs. */
class YamlTreeReaderTest {
    private static YamlNode.Mapping read(String yaml) {
        Problems problems = new Problems("test.yml", LineMap.identity());
        Optional<YamlNode.Mapping> root = YamlTreeReader.read(yaml, problems);
        assertThat(problems.sorted()).as("problems").isEmpty();
        return root.orElseThrow();
    }

    private static List<String> failures(String yaml) {
        Problems problems = new Problems("test.yml", LineMap.identity());
        assertThat(YamlTreeReader.read(yaml, problems)).isEmpty();
        return problems.sorted().stream().map(p -> p.location() + ": " + p.message()).toList();
    }

    private static YamlNode value(YamlNode.Mapping mapping, String key) {
        return mapping.entries().get(key).value();
    }

    @Test
    void readsScalarsWithTheirKindAndLocation() {
        YamlNode.Mapping root = read("count: 3\nport: \"8080\"\ncpus: 0.5\nflag: true\nempty:\ntext: hello\n");

        assertThat(value(root, "count")).isEqualTo(new YamlNode.Scalar("3", ScalarKind.INT, new SpecLocation(1, 8)));
        assertThat(value(root, "port")).isEqualTo(new YamlNode.Scalar("8080", ScalarKind.STRING, new SpecLocation(2, 7)));
        assertThat(((YamlNode.Scalar) value(root, "cpus")).kind()).isEqualTo(ScalarKind.FLOAT);
        assertThat(((YamlNode.Scalar) value(root, "flag")).kind()).isEqualTo(ScalarKind.BOOL);
        assertThat(((YamlNode.Scalar) value(root, "empty")).isNull()).isTrue();
        assertThat(root.entries().get("text").keyLocation()).isEqualTo(new SpecLocation(6, 1));
    }

    @Test
    void anEmptyPlainValueIsNullButAnEmptyQuotedOneIsText() {
        YamlNode.Mapping root = read("plain:\nquoted: ''\n");

        assertThat(((YamlNode.Scalar) value(root, "plain")).kind()).isEqualTo(ScalarKind.NULL);
        assertThat(value(root, "quoted")).isEqualTo(new YamlNode.Scalar("", ScalarKind.STRING, new SpecLocation(2, 9)));
    }

    @Test
    void keepsKeysInFileOrder() {
        assertThat(read("b: 1\na: 2\nc: 3\n").entries()).containsOnlyKeys("b", "a", "c")
                .extractingFromEntries(e -> e.getKey()).containsExactly("b", "a", "c");
    }

    @Test
    void resolvesAnAliasToTheAnchoredSubtree() {
        YamlNode.Mapping root = read("defaults: &d\n  cpus: 0.5\nserver: *d\nlist: &l [1]\nagain: *l\n");

        assertThat(value(root, "server")).isSameAs(value(root, "defaults"));
        assertThat(value(root, "again")).isSameAs(value(root, "list"));
    }

    @Test
    void resolvesAnAliasToAnAnchoredScalar() {
        YamlNode.Mapping root = read("port: &p 8080\nports: [*p, &q \"9090\", *q]\n");

        assertThat(value(root, "port")).isEqualTo(new YamlNode.Scalar("8080", ScalarKind.INT, new SpecLocation(1, 7)));
        YamlNode.Sequence ports = (YamlNode.Sequence) value(root, "ports");
        assertThat(ports.items().get(0)).isSameAs(value(root, "port"));
        assertThat(ports.items().get(2)).isSameAs(ports.items().get(1));
        assertThat(((YamlNode.Scalar) ports.items().get(2)).kind()).isEqualTo(ScalarKind.STRING);
    }

    @Test
    void mergeKeysAddTheFieldsTheMappingDoesNotSetItself() {
        YamlNode.Mapping root = read("""
                base: &base {cpus: 0.5, memory: 256}
                big: &big {memory: 4096, gpus: 1}
                server:
                  memory: 512
                  <<: [*base, *big]
                """);

        YamlNode.Mapping server = (YamlNode.Mapping) value(root, "server");
        assertThat(server.entries()).containsOnlyKeys("memory", "cpus", "gpus");
        assertThat(((YamlNode.Scalar) value(server, "memory")).text()).isEqualTo("512");
        assertThat(((YamlNode.Scalar) value(server, "cpus")).text()).isEqualTo("0.5");
    }

    @Test
    void anEarlierMergedMappingWinsOverALaterOne() {
        YamlNode.Mapping root = read("a: &a {x: 1}\nb: &b {x: 2}\nc:\n  <<: [*a, *b]\n");

        assertThat(((YamlNode.Scalar) value((YamlNode.Mapping) value(root, "c"), "x")).text()).isEqualTo("1");
    }

    @Test
    void reportsADuplicateKeyWhereItIsRepeated() {
        assertThat(failures("name: a\npods: {}\nname: b\n"))
                .containsExactly("3:1: duplicate key 'name' (first defined at line 1)");
    }

    @Test
    void reportsAnUnknownAlias() {
        assertThat(failures("a: *nowhere\n")).containsExactly("1:4: unknown YAML alias '*nowhere'");
    }

    @Test
    void reportsAMergeOfSomethingOtherThanAMapping() {
        assertThat(failures("a:\n  <<: [1]\n"))
                .containsExactly("2:8: a merge key '<<' needs a mapping or a list of mappings, got a number (1)");
    }

    @Test
    void refusesABillionLaughsQuickly() {
        String laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                + IntStream.range(1, 9).mapToObj(i -> (char) ('a' + i) + ": &" + (char) ('a' + i) + " ["
                        + ("*" + (char) ('a' + i - 1) + ", ").repeat(9) + "*" + (char) ('a' + i - 1) + "]\n")
                        .collect(Collectors.joining());

        List<String> failures = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> failures(laughs));

        assertThat(failures).containsExactly(
                "1:1: YAML aliases expand this document to more than 100000 nodes; refusing it (an alias bomb?)");
    }

    @Test
    void acceptsAliasesUpToTheExpansionLimit() {
        // The root, the anchored empty list, and a list of n aliases to it: 1 + 1 + (1 + n) nodes.
        int n = YamlTreeReader.MAX_EXPANDED_NODES - 3;

        assertThat(read(aliases(n)).entries()).containsOnlyKeys("empty", "many");
        assertThat(failures(aliases(n + 1))).singleElement().asString().contains("more than 100000 nodes");
    }

    private static String aliases(int n) {
        return "empty: &e []\nmany: [" + String.join(", ", java.util.Collections.nCopies(n, "*e")) + "]\n";
    }

    @Test
    void refusesEmptyDocumentsOtherRootsAndSecondDocuments() {
        assertThat(failures("# only a comment\n")).containsExactly("1:1: the spec is empty");
        assertThat(failures("- a\n- b\n")).containsExactly("1:1: the spec must be a mapping of fields, got a list");
        assertThat(failures("a: 1\n---\nb: 2\n"))
                .containsExactly("3:1: the file holds more than one YAML document; a spec is one document");
    }

    @Test
    void reportsSyntaxErrorsWithoutSnakeYamlsSourceExcerpt() {
        assertThat(failures("a: [1, 2\nb: 3\n")).singleElement().asString()
                .startsWith("2:2: YAML syntax error: while parsing a flow sequence; expected ',' or ']'")
                .doesNotContain("in 'reader'").doesNotContain("^");
    }

    @Test
    void cleansSnakeYamlMessages() {
        String raw = "while parsing a block mapping\n in 'reader', line 1, column 1:\n    a: 1\n    ^\n"
                + "expected <block end>, but found '<block mapping start>'\n in 'reader', line 3, column 2:\n";

        assertThat(YamlTreeReader.cleanMessage(raw))
                .isEqualTo("while parsing a block mapping; expected <block end>, but found '<block mapping start>'");
        assertThat(YamlTreeReader.cleanMessage(null)).isEqualTo("malformed YAML");
    }
}
