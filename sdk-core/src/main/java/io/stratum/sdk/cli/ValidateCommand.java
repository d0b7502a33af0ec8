package io.stratum.sdk.cli;

import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.spec.SpecProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code stratum validate SPEC}: renders and validates a spec, printing every problem as
 * {@code FILE:LINE:COL: yaml.path: message}. Exit 0 when valid, 2 when not.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a service spec and print every problem, one a line.")
final class ValidateCommand extends SpecCommand {
    @Override
    void report(List<SpecProblem> problems) {
        problems.forEach(problem -> command.commandLine().getOut().println(problem.format()));
        command.commandLine().getErr().println(file + ": " + problems.size() + " problem(s)");
        hint(command.commandLine().getErr(), problems);
    }

    @Override
    int call(ServiceSpec spec) {
        int tasks = spec.pods().values().stream().mapToInt(p -> p.tasks().size()).sum();
        command.commandLine().getOut().println(file + ": valid (service '" + spec.name() + "', "
                + spec.pods().size() + " pod type(s), " + tasks + " task(s), " + spec.plans().size() + " plan(s))");
        return StratumCli.OK;
    }

    /** Loads a spec for any command, turning an unreadable file into a one-line bad-input error. */
    static ServiceSpec load(Path file, EnvOptions env, Map<String, String> processEnv) throws SpecException {
        InputFiles.requireRegularFile("SPEC", file);
        try {
            return SpecLoader.builder().withEnv(env.resolve(processEnv)).build().load(file);
        } catch (IOException e) {
            throw CliException.badInput("SPEC: cannot read '" + file + "': " + InputFiles.describe(e));
        }
    }
}
