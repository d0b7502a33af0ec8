package io.stratum.sdk.cli;

import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code stratum uninstall SPEC --work-dir DIR}: removes a stopped service for good: kills every
 * task, destroys its volumes, unreserves everything, deletes its state in ZooKeeper and its work
 * dir. Refuses while a scheduler for the service runs (stop it with Ctrl-C first). A framework's
 * {@code uninstall} removes its service as its factory makes it.
 */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove a stopped service: tasks, volumes, reservations and state.")
final class UninstallCommand extends SpecCommand {
    @Mixin
    RunCommand.Flags flags = new RunCommand.Flags();

    UninstallCommand() {
        this(SpecSource.spec());
    }

    UninstallCommand(SpecSource source) {
        super(source);
    }

    @Override
    int call(Service service) throws Exception {
        RunOptions options = flags.options(service.spec(), processEnv());
        if (!Files.isDirectory(options.workDir())) {
            throw CliException.badInput("--work-dir: '" + options.workDir() + "' does not exist: nothing to uninstall");
        }
        try {
            service.uninstall(options, command.commandLine().getOut());
        } catch (IllegalStateException e) {
            throw CliException.badInput(e.getMessage());
        }
        return StratumCli.OK;
    }
}
