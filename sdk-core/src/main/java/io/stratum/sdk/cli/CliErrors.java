package io.stratum.sdk.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * How every command reports a failure: one line on the error stream, starting with the command
 * ({@code stratum plan continue: ...}), naming the flag or parameter, and for bad input ending with
 * a hint to the command's {@code --help}; never picocli's usage text, a Java type name or a stack
 * trace (unless {@code STRATUM_DEBUG=1}). Exit codes as {@link StratumCli} says.
 */
final class CliErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    /** A qualified Java type name in a message, e.g. {@code java.lang.IllegalStateException: }. */
    private static final Pattern JAVA_TYPE = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");

    private final Map<String, String> env;

    /** @param env the environment ({@code STRATUM_DEBUG=1} prints stack traces of internal failures) */
    CliErrors(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(line(command, describe(e), true));
        command.getErr().flush();
        return StratumCli.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        if (e instanceof CliException c) {
            command.getErr().println(line(command, c.getMessage(), c.usage()));
            command.getErr().flush();
            return c.exitCode();
        }
        boolean debug = "1".equals(env.get("STRATUM_DEBUG"));
        command.getErr().println(line(command, "internal error: " + withoutTypeNames(e)
                + (debug ? "" : " (set STRATUM_DEBUG=1 for the stack trace)"), false));
        if (debug) {
            e.printStackTrace(command.getErr());
        }
        command.getErr().flush();
        return StratumCli.INTERNAL;
    }

    /** @return {@code message} as a line of {@code command}, with the hint to its help for a usage error */
    static String line(CommandLine command, String message, boolean usage) {
        String name = command.getCommandSpec().qualifiedName();
        return name + ": " + message + (usage ? " (see '" + name + " --help')" : "");
    }

    /** @return what went wrong in the user's terms: the flag or parameter, and what it expects */
    static String describe(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return unmatched(e.getCommandLine(), unmatched);
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            ArgSpec arg = missing.getMissing().get(0);
            return arg.isOption() ? name(arg) + " needs a value (" + arg.paramLabel() + ")" : "missing " + name(arg);
        }
        if (e instanceof CommandLine.OverwrittenOptionException overwritten) {
            return name(overwritten.getOverwritten()) + " is given more than once";
        }
        ArgSpec arg = e.getArgSpec();
        if (arg != null) {
            String value = e.getValue();
            if (e.getCause() instanceof CommandLine.TypeConversionException conversion) {
                return name(arg) + ": " + conversion.getMessage();
            }
            return name(arg) + ": expected " + arg.paramLabel() + (value == null ? "" : ", got '" + value + "'");
        }
        Map<String, CommandLine> subcommands = e.getCommandLine().getSubcommands();
        String message = withoutTypeNames(e);
        if (!subcommands.isEmpty() && (message.startsWith("Missing required subcommand")
                || message.equals(StratumCli.COMMAND_REQUIRED))) {
            return StratumCli.COMMAND_REQUIRED + ": one of " + String.join(", ", subcommands.keySet());
        }
        boolean capitalised = message.length() > 1 && Character.isUpperCase(message.charAt(0))
                && Character.isLowerCase(message.charAt(1));
        return capitalised ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
    }

    private static String unmatched(CommandLine command, CommandLine.UnmatchedArgumentException e) {
        List<String> args = e.getUnmatched();
        List<String> suggestions = e.getSuggestions();
        String suggestion = suggestions.isEmpty() ? "" : ", did you mean '" + suggestions.get(0) + "'?";
        if (!command.getSubcommands().isEmpty() && !args.isEmpty() && !isOption(args.get(0))) {
            return "unknown command '" + args.get(0) + "'" + suggestion;
        }
        String first = args.stream().filter(CliErrors::isOption).findFirst().orElse(args.isEmpty() ? "" : args.get(0));
        if (isOption(first)) {
            int eq = first.indexOf('=');
            return "unknown option '" + (eq > 0 ? first.substring(0, eq) : first) + "'" + suggestion;
        }
        return "unexpected argument '" + first + "'";
    }

    private static boolean isOption(String arg) {
        return arg.startsWith("-") && arg.length() > 1;
    }

    /** @return an option's longest name ({@code --api-port}), or a parameter's label ({@code SPEC}) */
    static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    /** @return the exception's message without Java type names, or a plain description if it has none */
    static String withoutTypeNames(Throwable e) {
        String message = e.getMessage() == null ? "" : JAVA_TYPE.matcher(e.getMessage()).replaceAll("").strip();
        if (message.isEmpty()) {
            return "unexpected failure";
        }
        return message.lines().findFirst().orElse(message);
    }
}
