package io.stratum.sdk.cli;

import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.spec.SpecProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratum validate SPEC}: renders and validates a spec, printing every problem as
 * {@code FILE:LINE:COL: yaml.path: message}. Exit 0 when valid, 2 when not.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a service spec and print every problem, one a line.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The service spec (svc.yml).")
    Path file;

    @Mixin
    EnvOptions env;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        ServiceSpec spec;
        try {
            spec = load(file, env);
        } catch (SpecException e) {
            for (SpecProblem problem : e.problems()) {
                command.commandLine().getOut().println(problem.format());
            }
            command.commandLine().getErr().println(file + ": " + e.problems().size() + " problem(s)");
            return StratumCli.BAD_INPUT;
        }
        int tasks = spec.pods().values().stream().mapToInt(p -> p.tasks().size()).sum();
        command.commandLine().getOut().println(file + ": valid (service '" + spec.name() + "', "
                + spec.pods().size() + " pod type(s), " + tasks + " task(s), " + spec.plans().size() + " plan(s))");
        return StratumCli.OK;
    }

    /**
     * Loads a spec for a command that needs a valid one: its problems go to the command's error
     * stream, one a line, and the result is empty.
     */
    static java.util.Optional<ServiceSpec> loadOrReport(Path file, EnvOptions env, picocli.CommandLine commandLine) {
        try {
            return java.util.Optional.of(load(file, env));
        } catch (SpecException e) {
            for (SpecProblem problem : e.problems()) {
                commandLine.getErr().println(problem.format());
            }
            return java.util.Optional.empty();
        }
    }

    /** Loads a spec for any command, turning an unreadable file into a one-line bad-input error. */
    static ServiceSpec load(Path file, EnvOptions env) throws SpecException {
        if (Files.isDirectory(file)) {
            throw CliException.badInput("'" + file + "' is a directory, not a spec file");
        }
        try {
            return SpecLoader.builder().withEnv(env.resolve(System.getenv())).build().load(file);
        } catch (IOException e) {
            throw CliException.badInput("cannot read spec '" + file + "': " + EnvOptions.describe(e));
        }
    }
}
