package io.stratum.sdk.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads service specs: renders the file as mustache against the environment, reads the YAML
 * strictly, maps it to {@link ServiceSpec} records and validates them. Every problem of a file is
 * reported together in one {@link SpecException}, each with its file, line, column and YAML path.
 *
 * <p>Immutable and thread-safe once built:
 * <pre>{@code
 * ServiceSpec spec = SpecLoader.builder().withEnv(System.getenv()).build().load(Path.of("svc.yml"));
 * }</pre>
 */
public final class SpecLoader {
    private final Map<String, String> env;
    private final List<SpecRule> rules;

    private SpecLoader(Builder builder) {
        this.env = Map.copyOf(builder.env);
        this.rules = List.copyOf(builder.rules);
    }

    /** @return a builder with an empty environment */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the spec at {@code file}; config templates are resolved relative to its folder.
     *
     * @throws SpecException every problem found
     * @throws IOException   if the file itself cannot be read
     */
    public ServiceSpec load(Path file) throws SpecException, IOException {
        String text = Files.readString(file);
        Path dir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
        return load(file.toString(), text, dir);
    }

    /**
     * Loads a spec from text.
     *
     * @param fileName the name used in problems
     * @param text     the template text
     * @param baseDir  the folder config templates are resolved against
     * @throws SpecException every problem found
     */
    public ServiceSpec load(String fileName, String text, Path baseDir) throws SpecException {
        String template = text.replace("\r\n", "\n");
        Problems renderProblems = new Problems(fileName, LineMap.identity());
        Optional<String> rendered = TemplateRenderer.render(template, env, renderProblems);
        if (rendered.isEmpty()) {
            throw renderProblems.toException();
        }
        Problems problems = new Problems(fileName, LineMap.between(template, rendered.get(), env));
        Optional<YamlNode.Mapping> root = YamlTreeReader.read(rendered.get(), problems);
        if (root.isEmpty()) {
            throw problems.toException();
        }
        Locations locations = new Locations();
        ServiceSpec spec = new SpecReader(baseDir).read(new MappingReader(root.get(), "", problems, locations));
        SpecValidator.check(spec, locations, problems);
        for (SpecRule rule : rules) {
            rule.check(spec).forEach(v -> problems.addAt(locations, v.path(), v.message()));
        }
        if (!problems.isEmpty()) {
            throw problems.toException();
        }
        return spec;
    }

    /** Options of a {@link SpecLoader}. */
    public static final class Builder {
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<SpecRule> rules = new ArrayList<>();

        private Builder() {}

        /** Adds (and overrides) template variables. */
        public Builder withEnv(Map<String, String> variables) {
            Objects.requireNonNull(variables, "variables").forEach((k, v) -> env.put(k, v == null ? "" : v));
            return this;
        }

        /** Adds a framework-specific rule checked after the built-in ones. */
        public Builder withRule(SpecRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        public SpecLoader build() {
            return new SpecLoader(this);
        }
    }
}
