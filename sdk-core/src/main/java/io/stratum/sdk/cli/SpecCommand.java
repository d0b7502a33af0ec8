package io.stratum.sdk.cli;

import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * A command on a spec file ({@code SPEC}, rendered with {@code --env} and {@code --env-file}) made
 * into a {@link Service} by its {@link SpecSource}: the spec alone for {@code stratum}, the
 * framework's factory for a framework's {@code main}. A spec with problems is {@link #report
 * reported} and exits 2; the service of a valid one goes to {@link #call(Service)}.
 */
abstract class SpecCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The service spec (svc.yml).")
    Path file;

    @Mixin
    EnvOptions env;

    @Spec
    CommandLine.Model.CommandSpec command;

    /** Where the service comes from. */
    final SpecSource source;

    /** The spec file the command loaded: SPEC, or the framework's. */
    Path specFile;

    SpecCommand(SpecSource source) {
        this.source = source;
    }

    @Override
    public final Integer call() throws Exception {
        specFile = source.specFile(file);
        Service service;
        try {
            InputFiles.requireRegularFile("SPEC", specFile);
            service = source.service(specFile, source.env(env, StratumCli.env(command)));
        } catch (SpecException e) {
            report(e.problems());
            return StratumCli.BAD_INPUT;
        }
        return call(service);
    }

    /** @return the environment the command runs in ({@code STRATUM_API}, the API token, ...) */
    Map<String, String> processEnv() {
        return source.processEnv(StratumCli.env(command));
    }

    /** Prints a spec's problems: to the error stream, one a line, and how to give missing template variables. */
    void report(List<SpecProblem> problems) {
        report(command.commandLine().getErr(), problems);
    }

    /** Prints a spec's problems to {@code err}, one a line, and how to give missing template variables. */
    static void report(PrintWriter err, List<SpecProblem> problems) {
        problems.forEach(problem -> err.println(problem.format()));
        hint(err, problems);
    }

    /** Says how to give template variables when one was missing (the loader names no flag). */
    static void hint(PrintWriter err, List<SpecProblem> problems) {
        if (problems.stream().anyMatch(problem -> problem.message().startsWith("missing template variable"))) {
            err.println("hint: give template variables with --env NAME=VALUE or in an --env-file FILE");
        }
    }

    /** @return the exit code of the command on the service of a valid spec */
    abstract int call(Service service) throws Exception;
}
