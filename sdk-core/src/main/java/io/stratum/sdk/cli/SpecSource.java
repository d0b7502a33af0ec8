package io.stratum.sdk.cli;

import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a spec command ({@code validate}, {@code run}, {@code update}, {@code uninstall}) gets its
 * service from: the one way a spec file becomes a {@link Service} on the command line.
 *
 * <ul>
 *   <li>{@code stratum} itself ({@link #spec()}): SPEC is required; the template environment is the
 *       process's, then {@code --env-file} files, then {@code --env} flags; the service is the spec alone.</li>
 *   <li>A framework's {@code main} ({@link #framework}): SPEC defaults to the framework's spec; the
 *       framework folder's {@value #DEFAULTS_FILE} (beside that spec) gives defaults under all of
 *       those; what the framework computes ({@link StratumCli.ComputedEnv}) fills the variables
 *       nothing else set; the framework's factory makes the service (its validators, plan
 *       customizer, routes), so every command sees the spec exactly as {@code run} renders it.</li>
 * </ul>
 */
final class SpecSource {
    /** The defaults file of a framework folder, beside its spec. */
    static final String DEFAULTS_FILE = "options.env";

    private final Path defaultSpec;
    private final StratumCli.ServiceFactory factory;
    private final StratumCli.ComputedEnv computed;
    private final Map<String, String> processEnv;

    private SpecSource(Path defaultSpec, StratumCli.ServiceFactory factory, StratumCli.ComputedEnv computed,
            Map<String, String> processEnv) {
        this.defaultSpec = defaultSpec;
        this.factory = factory;
        this.computed = computed;
        this.processEnv = processEnv;
    }

    /** @return the source of {@code stratum}'s own commands: the spec alone, SPEC required */
    static SpecSource spec() {
        return new SpecSource(null, (file, env) -> Service.builder(SpecLoader.builder().withEnv(env).build().load(file))
                .build(), env -> Map.of(), null);
    }

    /**
     * @param defaultSpec the framework's spec, used when no SPEC is given; its folder's
     *                    {@value #DEFAULTS_FILE} holds the framework's defaults
     * @param factory     makes the framework's service from a spec file and its environment
     * @param computed    what the framework works out itself
     * @param processEnv  the process environment
     * @return the source of a framework's commands
     */
    static SpecSource framework(Path defaultSpec, StratumCli.ServiceFactory factory, StratumCli.ComputedEnv computed,
            Map<String, String> processEnv) {
        return new SpecSource(Objects.requireNonNull(defaultSpec, "defaultSpec"), Objects.requireNonNull(factory, "factory"),
                Objects.requireNonNull(computed, "computed"), Map.copyOf(processEnv));
    }

    /** @return the framework's spec, or null when SPEC is required */
    Path defaultSpec() {
        return defaultSpec;
    }

    /** @return the process environment a framework was given, or {@code commandEnv} (the command line's) */
    Map<String, String> processEnv(Map<String, String> commandEnv) {
        return processEnv != null ? processEnv : commandEnv;
    }

    /** @return the spec file to load: {@code given} (SPEC), else the framework's */
    Path specFile(Path given) {
        return given != null ? given : defaultSpec;
    }

    /**
     * @return the template environment, lowest first: the framework's {@value #DEFAULTS_FILE}, the
     *     process environment, {@code --env-file}s, {@code --env}s; then what the framework computes,
     *     for the variables none of them set
     * @throws CliException (bad input) naming the file or flag that can't be read
     */
    Map<String, String> env(EnvOptions options, Map<String, String> commandEnv) {
        Map<String, String> env = options.resolve(defaults(), processEnv(commandEnv));
        Map<String, String> extra = computed.compute(Collections.unmodifiableMap(new LinkedHashMap<>(env)));
        if (extra != null) {
            extra.forEach((name, value) -> {
                if (name != null && value != null) {
                    env.putIfAbsent(name, value);
                }
            });
        }
        return env;
    }

    /** @return the framework folder's defaults, none when it has no {@value #DEFAULTS_FILE} */
    Map<String, String> defaults() {
        if (defaultSpec == null) {
            return Map.of();
        }
        Path folder = defaultSpec.toAbsolutePath().normalize().getParent();
        Path file = folder == null ? Path.of(DEFAULTS_FILE) : folder.resolve(DEFAULTS_FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        return EnvOptions.readFile(DEFAULTS_FILE, file);
    }

    /**
     * @return the service of {@code file} rendered with {@code env}
     * @throws SpecException if the spec has problems
     * @throws CliException  (bad input, naming SPEC) if the file can't be read
     */
    Service service(Path file, Map<String, String> env) throws SpecException {
        try {
            return factory.create(file, env);
        } catch (IOException e) {
            throw CliException.badInput("SPEC: cannot read '" + file + "': " + InputFiles.describe(e));
        }
    }
}
