package io.stratum.sdk.cli;

import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecProblem;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code stratum validate SPEC}: renders and validates a spec, printing every problem as
 * {@code FILE:LINE:COL: yaml.path: message}. Exit 0 when valid, 2 when not. A framework's
 * {@code validate} makes its service too (what its factory checks, with its defaults).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a service spec and print every problem, one a line.")
final class ValidateCommand extends SpecCommand {
    ValidateCommand() {
        this(SpecSource.spec());
    }

    ValidateCommand(SpecSource source) {
        super(source);
    }

    @Override
    void report(List<SpecProblem> problems) {
        problems.forEach(problem -> command.commandLine().getOut().println(problem.format()));
        command.commandLine().getErr().println(specFile + ": " + problems.size() + " problem(s)");
        hint(command.commandLine().getErr(), problems);
    }

    @Override
    int call(Service service) {
        ServiceSpec spec = service.spec();
        int tasks = spec.pods().values().stream().mapToInt(p -> p.tasks().size()).sum();
        command.commandLine().getOut().println(specFile + ": valid (service '" + spec.name() + "', "
                + spec.pods().size() + " pod type(s), " + tasks + " task(s), " + spec.plans().size() + " plan(s))");
        return StratumCli.OK;
    }
}
