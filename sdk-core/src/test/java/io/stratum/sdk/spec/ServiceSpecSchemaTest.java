package io.stratum.sdk.spec;

import io.stratum.sdk.internal.spec.ServiceSpecSchema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every spec in the repository, rendered, validates against the published JSON Schema. */
class ServiceSpecSchemaTest {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ServiceSpecSchema.json(), InputFormat.JSON);

    static Stream<Path> repositorySpecs() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> specs;
        try (Stream<Path> walk = Files.walk(root)) {
            specs = walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(p -> p.getFileName().toString().equals("svc.yml") || p.toString().contains("/specs/valid/"))
                    .sorted()
                    .toList();
        }
        assertThat(specs).as("specs found under " + root).isNotEmpty();
        return specs.stream();
    }

    @ParameterizedTest
    @MethodSource("repositorySpecs")
    void repositorySpecValidatesAgainstTheSchema(Path spec) throws Exception {
        String rendered = render(spec);
        List<Error> errors = SCHEMA.validate(toJson(rendered), InputFormat.JSON);

        assertThat(errors).as(spec.toString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cassandra", "hdfs"})
    void theDcosFrameworksValidateAgainstTheSchemaWithTheirPackageDefaults(String service) throws Exception {
        Path corpus = DcosPackage.locate("shared/compat/dcos-frameworks").resolve(service);
        Map<String, String> env = new DcosPackage(corpus.resolve("universe"), service).schedulerEnv(Map.of());
        Problems problems = new Problems("svc.yml", LineMap.identity());
        String rendered = TemplateRenderer.render(Files.readString(corpus.resolve("dist/svc.yml")), env, problems)
                .orElseThrow(() -> new AssertionError(problems.sorted()));

        assertThat(SCHEMA.validate(toJson(rendered), InputFormat.JSON)).as(service).isEmpty();
    }

    @Test
    void whatTheLoaderRefusesOfDcosShapesFailsTheSchemaToo() throws Exception {
        String task = "tasks: {t: {cmd: run, cpus: 1}}";

        assertThat(podErrors("image: ''", task)).singleElement().asString().startsWith("/pods/p/image: ");
        assertThat(podErrors("volume: {path: a, type: ROOT, size: 1}", "volumes: {b: {path: b, type: ROOT, size: 1}}", task))
                .singleElement().asString().startsWith("/pods/p: ");
        assertThat(podErrors("tasks: {t: {cmd: run, cpus: 1, labels: ' '}}")).isNotEmpty()
                .allSatisfy(e -> assertThat(e).asString().startsWith("/pods/p/tasks/t/labels"));
        assertThat(podErrors("image: ubuntu", task)).isEmpty();
    }

    /** The schema errors of a one-pod spec whose pod {@code p} has {@code fields} (one a line) besides its count. */
    private static List<Error> podErrors(String... fields) throws IOException {
        StringBuilder yaml = new StringBuilder("name: x\npods:\n  p:\n    count: 1\n");
        for (String field : fields) {
            yaml.append("    ").append(field).append('\n');
        }
        return SCHEMA.validate(toJson(yaml.toString()), InputFormat.JSON);
    }

    @Test
    void anUnknownFieldFailsTheSchemaToo() throws Exception {
        String yaml = """
                name: x
                pods:
                  p:
                    count: 1
                    tasks:
                      t: {cmd: run, cpus: 1, memory: 2, cpu: 3}
                """;

        assertThat(SCHEMA.validate(toJson(yaml), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void theSchemaIsValidJsonWithADefinitionForEveryTaskField() throws Exception {
        var tree = new ObjectMapper().readTree(ServiceSpecSchema.json());

        assertThat(tree.path("$defs").path("task").path("properties").size()).isGreaterThanOrEqualTo(20);
    }

    /** SnakeYAML resolves aliases and merge keys, as the loader does, before the schema sees the data. */
    private static String toJson(String yaml) throws IOException {
        return new ObjectMapper().writeValueAsString(new org.yaml.snakeyaml.Yaml().load(yaml));
    }

    /**
     * Renders the spec at {@code spec} with its {@code # env: K=V} comment lines, over the defaults of
     * an {@code options.env} beside it (a framework folder's, e.g. examples/cassandra); a value that
     * file only describes in a comment ({@code # NAME: ...}, one the framework computes at run time,
     * like sdk-hadoop's {@code HADOOP_LIB}) gets a placeholder path.
     */
    private static String render(Path spec) throws IOException {
        String text = Files.readString(spec);
        java.util.Map<String, String> env = new java.util.HashMap<>();
        Path options = spec.resolveSibling("options.env");
        if (Files.isRegularFile(options)) {
            java.util.Properties defaults = new java.util.Properties();
            try (var reader = Files.newBufferedReader(options)) {
                defaults.load(reader);
            }
            defaults.stringPropertyNames().forEach(name -> env.put(name, defaults.getProperty(name).strip()));
            java.util.regex.Pattern computed = java.util.regex.Pattern.compile("^# ([A-Z][A-Z0-9_]*): .*");
            Files.readAllLines(options).stream().map(computed::matcher).filter(java.util.regex.Matcher::matches)
                    .forEach(m -> env.putIfAbsent(m.group(1), "/computed/" + m.group(1)));
        }
        text.lines().filter(l -> l.startsWith("# env: ")).forEach(l -> {
            String pair = l.substring("# env: ".length());
            env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1).replace("\\n", "\n"));
        });
        Problems problems = new Problems("spec", LineMap.identity());
        return TemplateRenderer.render(text, env, problems).orElseThrow(() -> new AssertionError(problems.sorted()));
    }
}
