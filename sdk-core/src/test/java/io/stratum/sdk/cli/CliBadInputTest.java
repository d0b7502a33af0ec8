package io.stratum.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every command and subcommand, found by walking picocli's command tree, asked for {@code --help}
 * and given bad input the parser sees: unknown flags, missing and extra arguments, a missing
 * command, every typed option with bad values, without its value and given twice. Each bad
 * invocation exits 2 with exactly one line naming the command and the flag or parameter, with a
 * hint to the command's {@code --help}, and nothing of Java. {@link CliBadValuesTest} covers the
 * values the commands check themselves.
 */
class CliBadInputTest {
    /** Where a client command would go if a parse unexpectedly succeeded: nothing listens on port 1. */
    static final Map<String, String> ENV = Map.of("STRATUM_API", "http://127.0.0.1:1");
    private static int tried;

    @AfterAll
    static void report() {
        System.out.println("CliBadInputTest: " + tried + " bad invocations tried");
    }

    @TestFactory
    Stream<DynamicTest> helpWorksOnEveryCommand() {
        return commands().map(command -> DynamicTest.dynamicTest(command.qualifiedName() + " --help", () -> {
            CliRun run = CliRun.of(ENV, args(command, "--help"));

            assertThat(run.exitCode()).as("%s", run).isZero();
            assertThat(run.out()).as("%s", run).contains("Usage: " + command.qualifiedName() + " ");
            assertThat(run.err()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> badInputIsOneLineNamingTheFlagOrParameter() {
        List<DynamicTest> tests = new ArrayList<>();
        commands().forEach(command -> {
            tests.add(bad(command, "unknown option '--no-such-flag'", args(command, required(command), "--no-such-flag")));
            tests.add(bad(command, "unknown option '-Z'", args(command, required(command), "-Z")));
            if (!command.subcommands().isEmpty()) {
                tests.add(bad(command, "a command is required: one of ", args(command)));
                tests.add(bad(command, "unknown command 'nosuch'", args(command, "nosuch")));
                return;
            }
            for (PositionalParamSpec positional : command.positionalParameters()) {
                if (positional.arity().min() > 0 && positional.defaultValue() == null) {
                    tests.add(bad(command, "missing " + positional.paramLabel(), args(command)));
                }
            }
            if (command.positionalParameters().stream().noneMatch(p -> p.arity().max() == Integer.MAX_VALUE)) {
                tests.add(bad(command, "unexpected argument 'EXTRA'", args(command, all(command), "EXTRA")));
            }
            for (OptionSpec option : command.options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                String name = option.longestName();
                for (String value : badValues(option.type())) {
                    String arg = option.arity().max() == 0 ? name + "=" + value : null;
                    tests.add(bad(command, name + ": ", arg != null ? args(command, required(command), arg)
                            : args(command, required(command), name, value)));
                }
                if (option.arity().min() > 0) {
                    tests.add(bad(command, name + " needs a value", args(command, required(command), name)));
                }
                if (!option.isMultiValue()) {
                    List<String> twice = new ArrayList<>(List.of(required(command)));
                    for (int i = 0; i < 2; i++) {
                        twice.add(name);
                        if (option.arity().min() > 0) {
                            twice.add(goodValue(option.type()));
                        }
                    }
                    tests.add(bad(command, name + " is given more than once", args(command, twice.toArray(String[]::new))));
                }
            }
        });
        assertThat(tests).hasSizeGreaterThan(300);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> helpShowsTheHelpOfACommandAtAnyDepth() {
        return Stream.of(
                DynamicTest.dynamicTest("help plan start", () -> {
                    CliRun run = CliRun.of(ENV, "help", "plan", "start");
                    assertThat(run.exitCode()).isZero();
                    assertThat(run.out()).startsWith("Usage: stratum plan start ");
                }),
                bad(StratumCli.commandLine(ENV).getSubcommands().get("help").getCommandSpec(),
                        "COMMAND: 'nosuch' is not a command of stratum; its commands: validate,", new String[] {"help", "nosuch"}),
                bad(StratumCli.commandLine(ENV).getSubcommands().get("help").getCommandSpec(),
                        "COMMAND: 'nosuch' is not a command of stratum plan; its commands: list, show,",
                        new String[] {"help", "plan", "nosuch"}));
    }

    /** @return a test that {@code args} is bad input, its one line containing {@code expected} */
    private static DynamicTest bad(CommandSpec command, String expected, String[] args) {
        return DynamicTest.dynamicTest(("stratum " + String.join(" ", args)).replace("\0", "\\0"), () -> {
            tried++;
            assertBadInput(CliRun.of(ENV, args), command.qualifiedName(), expected);
        });
    }

    /** Asserts exit 2 and one line: {@code COMMAND: ...expected... (see 'COMMAND --help')}, nothing of Java. */
    static void assertBadInput(CliRun run, String command, String expected) {
        assertThat(run.exitCode()).as("exit code of %s", run).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(run.err().lines()).as("%s", run).hasSize(1);
        String line = run.err().strip();
        assertThat(line).startsWith(command + ": ").contains(expected).endsWith("(see '" + command + " --help')");
        assertNothingOfJava(line);
        assertThat(run.out()).as("nothing on stdout").isEmpty();
    }

    static void assertNothingOfJava(String text) {
        assertThat(text).doesNotContain("java.").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("io.stratum").doesNotContain("Usage:").doesNotContainPattern("\\bint\\b");
    }

    static Stream<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(StratumCli.commandLine(ENV), all);
        return all.stream();
    }

    private static void collect(CommandLine command, List<CommandSpec> into) {
        into.add(command.getCommandSpec());
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    /** @return the arguments naming {@code command} (without the root), then {@code rest} */
    static String[] args(CommandSpec command, String... rest) {
        return args(command, new String[0], rest);
    }

    static String[] args(CommandSpec command, String[] positionals, String... rest) {
        List<String> path = new ArrayList<>();
        for (CommandSpec c = command; c.parent() != null; c = c.parent()) {
            path.add(0, c.name());
        }
        path.addAll(List.of(positionals));
        path.addAll(List.of(rest));
        return path.toArray(String[]::new);
    }

    /** @return values for the positional parameters a command requires */
    static String[] required(CommandSpec command) {
        return command.positionalParameters().stream()
                .filter(p -> p.arity().min() > 0 && p.defaultValue() == null).map(CliBadInputTest::value).toArray(String[]::new);
    }

    /** @return values for all its positional parameters, as many as each takes */
    private static String[] all(CommandSpec command) {
        return command.positionalParameters().stream().map(CliBadInputTest::value).toArray(String[]::new);
    }

    private static String value(PositionalParamSpec positional) {
        return positional.paramLabel().equals("SPEC") ? Path.of("no-such-spec.yml").toString() : "x";
    }

    private static List<String> badValues(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return List.of("abc", "1.5", "99999999999", "", "0x10");
        }
        if (type == boolean.class || type == Boolean.class) {
            return List.of("maybe", "yes");
        }
        if (type == Path.class) {
            return List.of("", "a\0b");
        }
        if (type == Duration.class) {
            return List.of("abc", "5h", "-1s", "1.5s", "");
        }
        if (type == Map.class) {
            return List.of("novalue", "");
        }
        return List.of();
    }

    private static String goodValue(Class<?> type) {
        return type == int.class || type == Integer.class ? "1" : type == Duration.class ? "1s" : "x";
    }
}
