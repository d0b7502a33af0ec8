package io.stratum.sdk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One CLI invocation's exit code and output, for tests. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return of(Map.of(), args);
    }

    /** Runs the CLI in the environment {@code env} (only: nothing of this process's). */
    static CliRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StratumCli.execute(args, new PrintWriter(out), new PrintWriter(err), env);
        return new CliRun(code, out.toString(), err.toString());
    }
}
