package io.stratum.sdk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A framework's {@code main} as a command line ({@link StratumCli#run(Path, StratumCli.ServiceFactory,
 * StratumCli.ComputedEnv, String...)}): {@code [run|validate|update|uninstall] [SPEC] [--env K=V]...
 * [flags]}, {@code run} when the first argument is no command (a spec or a flag). Each command is
 * {@code stratum}'s command of that name over the framework's {@link SpecSource} (its spec, its
 * folder's defaults, what it computes, its factory), with SPEC optional; errors name the command as
 * the launcher says it was typed ({@code stratum update examples/cassandra: ...}), else as the
 * framework folder's name and the command ({@code cassandra update: ...}).
 */
final class FrameworkCli {
    /** The commands of a framework's {@code main}, {@code run} first. */
    static final List<String> COMMANDS = List.of("run", "validate", "update", "uninstall");

    private static final List<String> ROOT_OPTIONS = List.of("-h", "--help", "-V", "--version");

    private FrameworkCli() {}

    /** What a framework's {@code main} says it does, and that {@code run} is its default command. */
    @Command(mixinStandardHelpOptions = true, versionProvider = Version.class)
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), StratumCli.COMMAND_REQUIRED);
        }
    }

    /**
     * @param program     the command as typed (the launcher's {@code stratum update FOLDER}), or null
     *                    to name it after the framework folder
     * @return the exit code of the command {@code args} name
     */
    static int run(Path defaultSpec, StratumCli.ServiceFactory factory, StratumCli.ComputedEnv computed,
            Map<String, String> env, String program, PrintWriter out, PrintWriter err, String... args) {
        SpecSource source = SpecSource.framework(defaultSpec, factory, computed, env);
        Path folder = defaultSpec.toAbsolutePath().normalize().getParent();
        String base = folder != null && folder.getFileName() != null ? folder.getFileName().toString() : "run";
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            String name = program != null ? program : base + " " + args[0];
            return StratumCli.execute(command(args[0], source, name, env), Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && ROOT_OPTIONS.contains(args[0])) {
            return StratumCli.execute(root(source, program != null ? program : base, env), args, out, err);
        }
        return StratumCli.execute(command("run", source, program != null ? program : base, env), args, out, err);
    }

    /** @return the command line of command {@code name} on the framework's source, called {@code displayName} */
    static CommandLine command(String name, SpecSource source, String displayName, Map<String, String> env) {
        SpecCommand command = switch (name) {
            case "run" -> new RunCommand(source);
            case "validate" -> new ValidateCommand(source);
            case "update" -> new UpdateCommand(source);
            case "uninstall" -> new UninstallCommand(source);
            default -> throw new IllegalArgumentException("no framework command " + name);
        };
        CommandLine cli = new CommandLine(command);
        cli.getCommandSpec().name(displayName).versionProvider(new Version());
        optionalSpec(cli.getCommandSpec(), source.defaultSpec());
        return StratumCli.configure(cli, env);
    }

    private static CommandLine root(SpecSource source, String name, Map<String, String> env) {
        CommandLine root = new CommandLine(new Root());
        root.getCommandSpec().name(name);
        for (String command : COMMANDS) {
            root.addSubcommand(command, command(command, source, command, env));
        }
        root.getCommandSpec().usageMessage().description("Run or manage this framework's service. Without a command, run: '"
                + name + " [SPEC] [flags]' is '" + name + " run [SPEC] [flags]'. SPEC defaults to the framework's spec, and "
                + SpecSource.DEFAULTS_FILE + " beside it holds defaults of template variables (under the environment,"
                + " --env-file and --env).");
        return StratumCli.configure(root, env);
    }

    /** Makes SPEC optional: a framework has a spec of its own. */
    private static void optionalSpec(CommandSpec command, Path defaultSpec) {
        PositionalParamSpec spec = command.positionalParameters().get(0);
        command.remove(spec);
        command.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel(spec.paramLabel())
                .type(spec.type()).getter(spec.getter()).setter(spec.setter())
                .description("The service spec (default: the framework's, " + defaultSpec + ").").build());
    }
}
