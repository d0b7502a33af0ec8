package io.stratum.sdk.cli;

/** A failure the CLI reports in one line with an exit code, never with a stack trace. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static CliException badInput(String message) {
        return new CliException(StratumCli.BAD_INPUT, message);
    }

    int exitCode() {
        return exitCode;
    }
}
