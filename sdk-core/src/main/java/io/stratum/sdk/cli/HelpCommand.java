package io.stratum.sdk.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratum help [COMMAND [SUBCOMMAND]]}: the help of a command at any depth, as its
 * {@code --help} prints it ({@code stratum help plan start} is {@code stratum plan start --help}).
 */
@Command(name = "help", description = "Show the help of a command, e.g. 'help plan start'.")
final class HelpCommand implements Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its subcommands, in order.")
    List<String> names = new ArrayList<>();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        CommandLine target = spec.parent().commandLine();
        for (String name : names) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "COMMAND: '" + name + "' is not a command of "
                        + target.getCommandSpec().qualifiedName() + "; its commands: "
                        + String.join(", ", target.getSubcommands().keySet()));
            }
            target = sub;
        }
        target.usage(spec.commandLine().getOut());
    }
}
