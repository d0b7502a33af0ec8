package io.stratum.sdk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One CLI invocation's exit code and output, for tests. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StratumCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
