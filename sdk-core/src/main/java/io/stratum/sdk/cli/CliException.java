package io.stratum.sdk.cli;

/**
 * A failure the CLI reports in one line with an exit code, never with a stack trace. A usage
 * error (a bad flag or argument) also points at the command's {@code --help}.
 */
final class CliException extends RuntimeException {
    private final int exitCode;
    private final boolean usage;

    private CliException(int exitCode, String message, boolean usage) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.usage = usage;
    }

    /** @return a failure that is not the user's input (unreachable API, a server error): exit 1 */
    static CliException failure(String message) {
        return new CliException(StratumCli.INTERNAL, message, false);
    }

    /** @return a bad flag or argument, its message naming it: exit 2 with a hint to {@code --help} */
    static CliException badInput(String message) {
        return new CliException(StratumCli.BAD_INPUT, message, true);
    }

    /** @return input the API (or a check on its answers) refused: exit 2, no hint to {@code --help} */
    static CliException refused(String message) {
        return new CliException(StratumCli.BAD_INPUT, message, false);
    }

    int exitCode() {
        return exitCode;
    }

    /** @return whether the command's {@code --help} would help */
    boolean usage() {
        return usage;
    }
}
