package io.stratum.sdk.cli;

import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ServiceSpec;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code stratum uninstall SPEC --work-dir DIR}: removes a stopped service for good: kills every
 * task, destroys its volumes, unreserves everything, deletes its state in ZooKeeper and its work
 * dir. Refuses while a scheduler for the service runs (stop it with Ctrl-C first).
 */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove a stopped service: tasks, volumes, reservations and state.")
final class UninstallCommand extends SpecCommand {
    @Mixin
    RunCommand.Flags flags = new RunCommand.Flags();

    @Override
    int call(ServiceSpec spec) throws Exception {
        RunOptions options = flags.options(spec, StratumCli.env(command));
        if (!Files.isDirectory(options.workDir())) {
            throw CliException.badInput("--work-dir: '" + options.workDir() + "' does not exist: nothing to uninstall");
        }
        try {
            Service.builder(spec).build().uninstall(options, command.commandLine().getOut());
        } catch (IllegalStateException e) {
            throw CliException.badInput(e.getMessage());
        }
        return StratumCli.OK;
    }
}
