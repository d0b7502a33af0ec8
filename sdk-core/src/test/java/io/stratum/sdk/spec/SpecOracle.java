package io.stratum.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.internal.spec.SpecJson;
import io.stratum.sdk.internal.spec.SpecJsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * What the fuzzers of the two ways text becomes a target may see, and their seeds. The spec loader
 * (YAML template to spec) and a config update's JSON body (to spec through {@link SpecJsonReader},
 * then {@link SpecValidator}, as {@code PUT /v1/configurations/target} does) have two outcomes
 * only: a valid spec, or problems that each say where (a path, or a line) and what, in words,
 * never naming a Java type. Anything else (another exception, a problem without a place, a Java
 * name) is an {@link AssertionError} carrying the input.
 *
 * <p>Seeds: the specs under {@code examples/} and the DC/OS SDK's hello-world specs
 * ({@code shared/compat/dcos-helloworld}, rendered with that package's scheduler environment).
 */
public final class SpecOracle {
    /** Java names a problem must not carry: packages, exception and record names, parser internals. */
    public static final Pattern JAVA_NAMES = Pattern.compile(
            "(?:java|javax|jakarta|io\\.stratum|com\\.fasterxml)\\.|Exception|ServiceSpec|PodSpec|TaskSpec|CheckSpec"
                    + "|StreamReadConstraints|Double\\b|Integer\\b|Boolean\\b|Enum\\b");

    /**
     * @return whether {@code message} names a Java type or package the {@code input} does not: a
     *         message may quote what the user wrote ({@code 'TaskSpec_USER'}), which is no leak
     */
    public static boolean leaksJavaNames(String message, String input) {
        Matcher names = JAVA_NAMES.matcher(message);
        while (names.find()) {
            String name = names.group().endsWith(".") ? names.group().substring(0, names.group().length() - 1)
                    : names.group();
            if (!input.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** One seed spec: where it came from, its template text and the variables it renders with. */
    record Seed(String name, String text, Map<String, String> env) {}

    private static List<Seed> seeds;
    private static Map<String, String> dcosEnv;

    private SpecOracle() {}

    /** The seed specs (more than 30), read once. */
    static synchronized List<Seed> seeds() {
        if (seeds == null) {
            List<Seed> read = new ArrayList<>();
            try (Stream<Path> files = Files.walk(DcosPackage.locate("examples"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yml") && !f.toString().contains("target"))
                        .sorted().toList()) {
                    read.add(new Seed(file.toString(), Files.readString(file), Map.of()));
                }
                Path compat = DcosPackage.locate("shared/compat/dcos-helloworld");
                try (Stream<Path> dist = Files.list(compat.resolve("dist"))) {
                    for (Path file : dist.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                        read.add(new Seed(file.getFileName().toString(), Files.readString(file), dcosEnv()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(read).hasSizeGreaterThan(30);
            seeds = List.copyOf(read);
        }
        return seeds;
    }

    /**
     * The DC/OS hello-world scheduler's environment; the loader fuzzer renders every input with it
     * (the examples name no variables), so the DC/OS seeds load as they do on DC/OS.
     */
    static synchronized Map<String, String> dcosEnv() {
        if (dcosEnv == null) {
            Path compat = DcosPackage.locate("shared/compat/dcos-helloworld");
            dcosEnv = Map.copyOf(new DcosPackage(compat.resolve("universe"), "hello-world").schedulerEnv(Map.of()));
        }
        return dcosEnv;
    }

    /** The seeds' texts, named, for a {@code @MethodSource} of a {@code byte[]} fuzz test. */
    static Stream<Named<byte[]>> specTexts() {
        return seeds().stream().map(seed -> Named.of(seed.name(), seed.text().getBytes(StandardCharsets.UTF_8)));
    }

    /** The seeds that load, as config update bodies ({@link SpecJson}), named. */
    static Stream<Named<byte[]>> specBodies() {
        List<Named<byte[]>> bodies = new ArrayList<>();
        for (Seed seed : seeds()) {
            try {
                ServiceSpec spec = SpecLoader.builder().withEnv(seed.env()).build().load("svc.yml", seed.text(),
                        Path.of("."));
                bodies.add(Named.of(seed.name(), SpecJson.toJson(spec).getBytes(StandardCharsets.UTF_8)));
            } catch (SpecException e) {
                // a seed using a DC/OS-only feature: no JSON form
            }
        }
        assertThat(bodies).hasSizeGreaterThan(10);
        return bodies.stream();
    }

    /**
     * Loads {@code template} as a spec file in {@code baseDir} and checks the outcome: a spec that
     * {@link SpecValidator} finds valid and that the config update body carries unchanged (what
     * the loader accepts, the API accepts), or located problems without Java names.
     *
     * @return whether the spec loaded
     */
    static boolean load(String template, Map<String, String> env, Path baseDir) {
        ServiceSpec spec;
        try {
            spec = SpecLoader.builder().withEnv(env).build().load("svc.yml", template, baseDir);
        } catch (SpecException e) {
            assertThat(e.problems()).as("problems of\n%s", template).isNotEmpty();
            for (SpecProblem problem : e.problems()) {
                assertThat(problem.message()).as("%s\n%s", problem, template).isNotBlank();
                assertThat(!problem.path().isEmpty() || problem.location().line() > 0)
                        .as("located: %s\n%s", problem, template).isTrue();
                assertThat(leaksJavaNames(problem.message(), template))
                        .as("no Java names: %s\n%s", problem, template).isFalse();
            }
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("the loader threw on\n" + template, e);
        }
        assertThat(SpecValidator.validate(spec)).as("a loaded spec is valid:\n%s", template).isEmpty();
        SpecJsonReader.Result body = SpecJsonReader.read(SpecJson.toJson(spec));
        assertThat(body.problems()).as("the loaded spec as a config update body:\n%s", template).isEmpty();
        assertThat(body.spec()).as("the loaded spec through a config update body:\n%s", template).isEqualTo(spec);
        return true;
    }

    /**
     * Reads {@code json} as {@code PUT /v1/configurations/target} does ({@link SpecJsonReader}, then
     * {@link SpecValidator}) and checks the outcome: a valid spec that survives {@link SpecJson}
     * unchanged, or problems located by their path (or naming the body) without Java names.
     *
     * @return whether the body was a valid spec
     */
    static boolean read(String json) {
        List<SpecRule.Violation> problems;
        SpecJsonReader.Result read;
        try {
            read = SpecJsonReader.read(json);
            problems = read.spec() == null ? read.problems() : SpecValidator.validate(read.spec());
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("reading the body threw on\n" + json, e);
        }
        if (read.spec() == null) {
            assertThat(problems).as("why the body is not a spec:\n%s", json).isNotEmpty();
        }
        for (SpecRule.Violation problem : problems) {
            assertThat(problem.message()).as("%s\n%s", problem, json).isNotBlank();
            assertThat(!problem.path().isEmpty() || problem.message().startsWith("the body"))
                    .as("located: %s\n%s", problem, json).isTrue();
            assertThat(leaksJavaNames(problem.path() + " " + problem.message(), json))
                    .as("no Java names: %s\n%s", problem, json).isFalse();
        }
        if (!problems.isEmpty()) {
            return false;
        }
        assertThat(SpecJson.fromJson(SpecJson.toJson(read.spec()))).as(json).isEqualTo(read.spec());
        return true;
    }
}
