package io.stratum.sdk.cli;

import io.stratum.sdk.service.Service;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code stratum} command line: the entry point of {@code ./stratum}. Exit codes: 0 success,
 * 2 bad input (an invalid spec, a bad flag, a missing file), 1 internal failure. No command prints
 * a stack trace unless {@code STRATUM_DEBUG=1} is set.
 */
@Command(name = "stratum",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Run and manage services described by a YAML service spec.",
        subcommands = {ValidateCommand.class, SchemaCommand.class, RunCommand.class, UpdateCommand.class,
            UninstallCommand.class, PlanCommand.class, PodCommand.class,
            ServiceCommands.Endpoints.class, ServiceCommands.Config.class, ServiceCommands.State.class,
            ServiceCommands.Explain.class, CommandLine.HelpCommand.class})
public final class StratumCli implements Runnable {
    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for an internal failure. */
    public static final int INTERNAL = 1;
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
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
        return RunCommand.runService(service, args);
    }

    /** Runs the CLI with the given streams; returns the exit code (for tests and embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new StratumCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof CliException c ? c.exitCode()
                : e instanceof CommandLine.ParameterException ? BAD_INPUT : INTERNAL);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException c) {
                commandLine.getErr().println("error: " + c.getMessage());
                return c.exitCode();
            }
            commandLine.getErr().println("internal error: " + e);
            if ("1".equals(System.getenv("STRATUM_DEBUG"))) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(set STRATUM_DEBUG=1 for the stack trace)");
            }
            return INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
