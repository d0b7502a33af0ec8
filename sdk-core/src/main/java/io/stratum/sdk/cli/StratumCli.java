package io.stratum.sdk.cli;

import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code stratum} command line: the entry point of {@code ./stratum}. Exit codes: 0 success,
 * 2 bad input (an invalid spec, a bad flag, a missing file), 1 an unreachable API or an internal
 * failure. Every failure is one line naming the command and the flag or parameter at fault (bad
 * input adds a hint to the command's {@code --help}); every command and subcommand takes
 * {@code --help}. No command prints a stack trace unless {@code STRATUM_DEBUG=1} is set.
 */
@Command(name = "stratum",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Run and manage services described by a YAML service spec.",
        subcommands = {ValidateCommand.class, SchemaCommand.class, RunCommand.class, UpdateCommand.class,
            UninstallCommand.class, PlanCommand.class, PodCommand.class,
            ServiceCommands.Endpoints.class, ServiceCommands.Config.class, ServiceCommands.State.class,
            ServiceCommands.Explain.class, HelpCommand.class})
public final class StratumCli implements Runnable {
    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for an internal failure or an unreachable API. */
    public static final int INTERNAL = 1;
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;

    /** What a command with subcommands says when it is given none. */
    static final String COMMAND_REQUIRED = "a command is required";

    private final Map<String, String> env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private StratumCli(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), COMMAND_REQUIRED);
    }

    /** Runs the CLI and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs a framework's service as {@code stratum run} runs a spec: parses {@code args} as run
     * flags ({@code --work-dir}, {@code --api-port}, {@code --agents}, {@code --zookeeper},
     * {@code --mesos}, ...), runs the service until Ctrl-C (or until another scheduler takes it
     * over) and returns the exit code. A framework's {@code main} ends with
     * {@code System.exit(StratumCli.run(service, args))}.
     */
    public static int run(Service service, String... args) {
        return RunCommand.runService(service, System.getenv(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args);
    }

    /**
     * A framework's service, made from its spec file rendered with the template environment (lowest
     * first: the framework folder's {@code options.env}, the process environment, {@code --env-file}
     * files, {@code --env} flags, then {@link ComputedEnv what the framework computes} for variables
     * none of them set): typically
     * {@code Service.builder(ServiceSpec.load(spec, env)).configValidator(...).build()}. Every command
     * of the framework's {@code main} (run, validate, update, uninstall) makes its service here, so
     * they all see the spec as {@code run} renders it. It should only build: no process, file or
     * network work, as {@code validate} and {@code update} call it too.
     */
    @FunctionalInterface
    public interface ServiceFactory {
        /**
         * @throws SpecException if the spec has problems (reported one a line, exit 2)
         * @throws IOException   if the spec cannot be read
         */
        Service create(Path spec, Map<String, String> env) throws IOException, SpecException;
    }

    /**
     * Template variables a framework works out itself (say {@code CASSANDRA_JAVA_HOME}, a JDK it
     * finds on disk), for every command of its {@code main}: {@code update} then renders the spec
     * exactly as {@code run} did. Given the environment from every other source (read-only), it
     * returns values for variables; only those no other source set are used, so {@code --env},
     * {@code --env-file}, the process environment and {@code options.env} still win. A variable it
     * cannot work out is best left out: the spec's strict rendering then names it, with how to give
     * it. Called once per command, before the {@link ServiceFactory}, on the calling thread.
     */
    @FunctionalInterface
    public interface ComputedEnv {
        /** No computed variables. */
        ComputedEnv NONE = env -> Map.of();

        /** @return values of template variables by name (null values are ignored) */
        Map<String, String> compute(Map<String, String> env);
    }

    /**
     * Runs a framework's command as {@code stratum} runs it on a spec, and returns the exit code:
     * {@code args} are an optional command ({@code run}, the default; {@code validate}, {@code update},
     * {@code uninstall}), an optional spec file (default {@code defaultSpec}), {@code --env}/
     * {@code --env-file} for its template variables, and the command's flags. The framework folder's
     * {@code options.env} (beside {@code defaultSpec}) gives defaults of template variables, under
     * the process environment, {@code --env-file} and {@code --env}; the factory makes the service
     * for every command ({@code update} sends its spec to the running scheduler, whose own copy of
     * the framework's validators checks it; {@code uninstall} removes it). Spec problems are reported
     * as {@code validate} reports them (exit 2). A framework's {@code main} is
     * {@code System.exit(StratumCli.run(Path.of("svc.yml"), MyFramework::service, args))}; the
     * launcher runs it for a framework folder ({@code ./stratum update examples/cassandra --env K=V}),
     * resolving a relative {@code defaultSpec} in that folder.
     */
    public static int run(Path defaultSpec, ServiceFactory framework, String... args) {
        return run(defaultSpec, framework, ComputedEnv.NONE, args);
    }

    /**
     * As {@link #run(Path, ServiceFactory, String...)}, with template variables the framework
     * computes ({@link ComputedEnv}) for those no other source sets.
     */
    public static int run(Path defaultSpec, ServiceFactory framework, ComputedEnv computed, String... args) {
        String folder = System.getProperty(FOLDER_PROPERTY);
        Path spec = folder != null && !defaultSpec.isAbsolute() ? Path.of(folder).resolve(defaultSpec) : defaultSpec;
        return FrameworkCli.run(spec, framework, computed, System.getenv(), System.getProperty(PROGRAM_PROPERTY),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** The launcher's name of a framework's command, as typed ({@code stratum update examples/cassandra}). */
    static final String PROGRAM_PROPERTY = "stratum.program";
    /** The framework folder the launcher runs, where a relative default spec is. */
    static final String FOLDER_PROPERTY = "stratum.folder";

    /** Runs the CLI with the given streams; returns the exit code (for tests and embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, System.getenv());
    }

    /** Runs the CLI with the given streams and environment ({@code STRATUM_API}, ...); returns the exit code. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return execute(commandLine(env), args, out, err);
    }

    /** @return the {@code stratum} command line, configured, in the environment {@code env} */
    static CommandLine commandLine(Map<String, String> env) {
        return configure(new CommandLine(new StratumCli(Map.copyOf(env))), env);
    }

    /** Runs a configured command line on {@code args} with the given streams; returns the exit code. */
    static int execute(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Sets up a command line the way every {@code stratum} command behaves: {@code --help} on every
     * command and subcommand, converters that say what they expect, and one-line errors.
     */
    static CommandLine configure(CommandLine cli, Map<String, String> env) {
        addHelp(cli);
        OptionTypes.register(cli);
        CliErrors errors = new CliErrors(env);
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        cli.setExitCodeExceptionMapper(e -> e instanceof CliException c ? c.exitCode()
                : e instanceof CommandLine.ParameterException ? BAD_INPUT : INTERNAL);
        return cli;
    }

    private static void addHelp(CommandLine command) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        if (!spec.mixinStandardHelpOptions() && spec.optionsMap().get("--help") == null) {
            spec.mixinStandardHelpOptions(true);
        }
        command.getSubcommands().values().forEach(StratumCli::addHelp);
    }

    /** @return the environment the command runs in: the CLI's, or the process's for a framework's {@code main} */
    static Map<String, String> env(CommandLine.Model.CommandSpec command) {
        return command.root().userObject() instanceof StratumCli cli ? cli.env : System.getenv();
    }
}
