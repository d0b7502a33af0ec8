package io.stratum.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.internal.spec.SpecJson;
import io.stratum.sdk.internal.spec.SpecJsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bounded, seeded fuzzer of the two ways text becomes a target: the spec loader (YAML template
 * to spec) and the config update's JSON body (to spec, then {@link SpecValidator}). Inputs are the
 * specs under {@code examples/} and the DC/OS SDK's hello-world specs
 * ({@code shared/compat/dcos-helloworld}), mutated at random. The only outcomes allowed are a
 * valid spec or problems that each say where (a path, or a line) and what, in words, never naming
 * a Java type; any other exception fails the test with the input that caused it.
 *
 * <p>{@code mvn verify} runs it for a few seconds ({@code fuzz.seconds}, default 3, per target);
 * a longer run: {@code mvn -pl sdk-core test -Dtest=SpecFuzzTest -Dfuzz.seconds=600 -Dfuzz.seed=7}.
 * A failure prints its seed and the input; the same seed replays the same inputs.
 */
class SpecFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20_260_101L);
    private static final long MILLIS = Long.getLong("fuzz.seconds", 3) * 1000;
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "(?:java|javax|jakarta|io\\.stratum|com\\.fasterxml)\\.|Exception|ServiceSpec|PodSpec|TaskSpec|CheckSpec"
                    + "|StreamReadConstraints|Double\\b|Integer\\b|Boolean\\b|Enum\\b");
    private static final String[] VALUES = {"-1", "0", "1", "-0.5", "1e309", "99999999999", "1.5", "\"\"", "~",
            "null", "true", "[]", "{}", "[[]]", "\"x\"", "NaN", ".inf", "\"{{MISSING}}\"", "*a", "&a x", "<<: *a",
            "\"/abs\"", "\"../up\"", "hostname:BOGUS", "[[\"hostname\", \"UNIQUE\"]]", "\"" + "y".repeat(300) + "\"",
            "RUNNING", "MOUNT", "parallel", "{port: 0}", "{cmd: x}", "{http: {port: nope}}", "-5", "100000"};
    private static final String[] JSON_KEYS = {"cpus", "memory", "count", "cmd", "interval", "name", "pod",
            "placement", "volumes", "tasks", "pods", "plans", "size", "port", "kind", "strategy", "goal", "steps",
            "lastRefused", "zzz"};

    private static final List<Seed> seeds = new ArrayList<>();

    private record Seed(String name, String text, Map<String, String> env) {}

    @BeforeAll
    static void corpus() throws IOException {
        try (Stream<Path> files = Files.walk(DcosPackage.locate("examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") && !f.toString().contains("target"))
                    .sorted().toList()) {
                seeds.add(new Seed(file.toString(), Files.readString(file), Map.of()));
            }
        }
        Path compat = DcosPackage.locate("shared/compat/dcos-helloworld");
        DcosPackage dcos = new DcosPackage(compat.resolve("universe"), "hello-world");
        Map<String, String> env = dcos.schedulerEnv(Map.of());
        try (Stream<Path> files = Files.list(compat.resolve("dist"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                seeds.add(new Seed(file.getFileName().toString(), Files.readString(file), env));
            }
        }
        assertThat(seeds).hasSizeGreaterThan(30);
    }

    @Test
    void theLoaderGivesAValidSpecOrLocatedProblems() {
        Random random = new Random(SEED);
        long end = System.currentTimeMillis() + MILLIS;
        int runs = 0;
        int valid = 0;
        while (runs < seeds.size() || System.currentTimeMillis() < end) {
            Seed seed = seeds.get(runs % seeds.size());
            String input = runs < seeds.size() ? seed.text() : mutateText(seed.text(), random);
            runs++;
            try {
                ServiceSpec spec = SpecLoader.builder().withEnv(seed.env()).build().load("svc.yml", input, Path.of("."));
                assertThat(SpecValidator.validate(spec)).as("a loaded spec is valid").isEmpty();
                valid++;
            } catch (SpecException e) {
                for (SpecProblem problem : e.problems()) {
                    assertThat(problem.message()).as(input).isNotBlank();
                    assertThat(!problem.path().isEmpty() || problem.location().line() > 0).as("located: %s", problem)
                            .isTrue();
                    assertThat(JAVA_NAMES.matcher(problem.message()).find()).as("no Java names: %s\n%s", problem, input)
                            .isFalse();
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + SEED + ", run " + runs + ": the loader threw on\n" + input, e);
            }
        }
        System.out.printf("spec loader fuzz: %d inputs (%d valid) in %d ms, seed %d%n", runs, valid,
                MILLIS, SEED);
    }

    @Test
    void theConfigBodyGivesAValidSpecOrLocatedProblems() throws Exception {
        List<JsonNode> trees = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Seed seed : seeds) {
            try {
                trees.add(json.readTree(SpecJson.toJson(SpecLoader.builder().withEnv(seed.env()).build()
                        .load("svc.yml", seed.text(), Path.of(".")))));
            } catch (SpecException e) {
                // a seed using a DC/OS-only feature: no JSON form
            }
        }
        Random random = new Random(SEED);
        long end = System.currentTimeMillis() + MILLIS;
        int runs = 0;
        int valid = 0;
        while (runs < trees.size() || System.currentTimeMillis() < end) {
            JsonNode tree = trees.get(runs % trees.size()).deepCopy();
            String input = runs < trees.size() ? tree.toString() : mutateJson(tree, random);
            runs++;
            try {
                SpecJsonReader.Result read = SpecJsonReader.read(input);
                List<SpecRule.Violation> problems = read.spec() == null ? read.problems()
                        : SpecValidator.validate(read.spec());
                if (problems.isEmpty()) {
                    assertThat(SpecJson.fromJson(SpecJson.toJson(read.spec()))).isEqualTo(read.spec());
                    valid++;
                }
                for (SpecRule.Violation problem : problems) {
                    assertThat(problem.message()).as(input).isNotBlank();
                    assertThat(!problem.path().isEmpty() || problem.message().startsWith("the body"))
                            .as("located: %s", problem).isTrue();
                    assertThat(JAVA_NAMES.matcher(problem.path() + " " + problem.message()).find())
                            .as("no Java names: %s\n%s", problem, input).isFalse();
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + SEED + ", run " + runs + ": reading the body threw on\n" + input, e);
            }
        }
        System.out.printf("config body fuzz: %d inputs (%d valid) in %d ms, seed %d%n", runs, valid, MILLIS, SEED);
    }

    /** Found by this fuzzer (seed 7): a mustache partial made the loader throw. */
    @Test
    void aMustachePartialIsAProblemNotACrash() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SpecLoader.builder().build()
                .load("svc.yml", "name: {{> other}}\n", Path.of(".")))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("partials ({{> other}}) are not supported")));
    }

    private static String mutateText(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && !lines.isEmpty(); i++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(8)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 2) + VALUES[random.nextInt(VALUES.length)]);
                    }
                }
                case 3 -> lines.set(at, " ".repeat(random.nextInt(4)) + line.strip());
                case 4 -> {
                    int cut = random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, cut) + "{}[]:,&*!|>'\"#%@`\t".charAt(random.nextInt(18))
                            + line.substring(cut));
                }
                case 5 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
                case 6 -> {
                    int other = random.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                default -> lines.add(at, line.replaceAll("^(\\s*)([a-z-]+):.*", "$1" + JSON_KEYS[random.nextInt(
                        JSON_KEYS.length)] + ": " + VALUES[random.nextInt(VALUES.length)]));
            }
        }
        return String.join("\n", lines);
    }

    private static String mutateJson(JsonNode tree, Random random) {
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(tree, containers);
            JsonNode parent = containers.get(random.nextInt(containers.size()));
            JsonNode value = value(random);
            if (parent instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(4)) {
                    case 0 -> object.remove(name);
                    case 1 -> object.set(JSON_KEYS[random.nextInt(JSON_KEYS.length)], value);
                    case 2 -> object.set(name + (random.nextBoolean() ? "x" : ""), object.remove(name));
                    default -> object.set(name, value);
                }
            } else if (parent instanceof ArrayNode array && array.size() > 0) {
                array.set(random.nextInt(array.size()), value);
            }
        }
        String text = tree.toString();
        return switch (random.nextInt(10)) {
            case 0 -> text.substring(0, random.nextInt(text.length() + 1));
            case 1 -> text + " " + VALUES[random.nextInt(VALUES.length)];
            default -> text;
        };
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }

    private static JsonNode value(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(12)) {
            case 0 -> f.nullNode();
            case 1 -> f.numberNode(-1);
            case 2 -> f.numberNode(0);
            case 3 -> f.numberNode(random.nextInt(200_000) - 100_000);
            case 4 -> f.numberNode(1e300 * (random.nextBoolean() ? 1 : -1));
            case 5 -> f.numberNode(0.5);
            case 6 -> f.textNode("");
            case 7 -> f.textNode(VALUES[random.nextInt(VALUES.length)]);
            case 8 -> f.booleanNode(random.nextBoolean());
            case 9 -> f.arrayNode().add(f.textNode("x"));
            case 10 -> f.objectNode().put("kind", random.nextBoolean() ? "cmd" : "nope");
            default -> f.numberNode(Long.MAX_VALUE);
        };
    }
}
