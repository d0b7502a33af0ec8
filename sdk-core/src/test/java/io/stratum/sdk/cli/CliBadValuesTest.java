package io.stratum.sdk.cli;

import static io.stratum.sdk.cli.CliBadInputTest.ENV;
import static io.stratum.sdk.cli.CliBadInputTest.args;
import static io.stratum.sdk.cli.CliBadInputTest.assertBadInput;
import static io.stratum.sdk.cli.CliBadInputTest.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The values commands check themselves, on every command that takes them: API URLs, timeouts,
 * tokens and token files (client commands); spec files, env files, work dirs, ZooKeeper and Mesos
 * addresses (spec commands). A FIFO is refused at once, never read. Each is one line naming the
 * flag or parameter, exit 2, and nothing is started or created.
 */
class CliBadValuesTest {
    private static final String SPEC = Path.of("..", "examples", "hello-world", "svc.yml").toString();
    private static int tried;

    @TempDir
    static Path dir;
    private static Path fifo;
    private static Path file;
    private static Path empty;
    private static Path big;

    @BeforeAll
    static void files() throws Exception {
        file = Files.writeString(dir.resolve("a-file"), "token\n");
        empty = Files.writeString(dir.resolve("empty"), " \n");
        big = Files.writeString(dir.resolve("big"), "x".repeat(10_000));
        fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeThat(mkfifo.waitFor()).as("mkfifo works here").isZero();
    }

    @AfterAll
    static void report() {
        System.out.println("CliBadValuesTest: " + tried + " bad invocations tried");
    }

    /** A bad value: the arguments after the command, and what its one line must say. */
    private record Case(String expected, String... args) {}

    @TestFactory
    Stream<DynamicTest> clientCommandsRefuseBadApiTimeoutAndTokenValues() {
        List<Case> cases = List.of(
                new Case("--api: 'not a url' is not a URL (Illegal character", "--api", "not a url"),
                new Case("--api: expected http(s)://HOST:PORT, got 'ftp://x:21'", "--api", "ftp://x:21"),
                new Case("--api: expected http(s)://HOST:PORT, got 'localhost:8080'", "--api", "localhost:8080"),
                new Case("--api: expected http(s)://HOST:PORT, got ''", "--api", ""),
                new Case("--api: expected http(s)://HOST:PORT, got 'http://:8080'", "--api", "http://:8080"),
                new Case("--api: expected http(s)://HOST:PORT, got 'http://h_1:8080'", "--api", "http://h_1:8080"),
                new Case("--api: expected http(s)://HOST:PORT, got 'http://h:8080?x=1'", "--api", "http://h:8080?x=1"),
                new Case("--api: port 99999 is out of range (1-65535) in 'http://127.0.0.1:99999'",
                        "--api", "http://127.0.0.1:99999"),
                new Case("--api: port 0 is not a port to connect to", "--api", "http://127.0.0.1:0"),
                new Case("--api: 'http://[::1' is not a URL", "--api", "http://[::1"),
                new Case("--timeout: must be more than 0 and at most 10m", "--timeout", "0"),
                new Case("--timeout: must be more than 0 and at most 10m", "--timeout", "11m"),
                new Case("--api-token is empty", "--api-token", ""),
                new Case("--api-token: a token is printable ASCII", "--api-token", "a b"),
                new Case("--api-token: a token is printable ASCII", "--api-token", "t\u00f6ken"),
                new Case("--api-token-file: cannot read '" + dir.resolve("none") + "': no such file",
                        "--api-token-file", dir.resolve("none").toString()),
                new Case("--api-token-file: '" + dir + "' is a directory, not a regular file", "--api-token-file", dir.toString()),
                new Case("--api-token-file: '" + fifo + "' is a FIFO, socket or device, not a regular file",
                        "--api-token-file", fifo.toString()),
                new Case("--api-token-file: '" + empty + "' is empty", "--api-token-file", empty.toString()),
                new Case("--api-token-file: '" + big + "' is larger than 4096 bytes", "--api-token-file", big.toString()),
                new Case("--api-token and --api-token-file: give one of them, not both",
                        "--api-token", "t", "--api-token-file", file.toString()));
        List<DynamicTest> tests = new ArrayList<>();
        clientCommands().forEach(command -> cases.forEach(c -> tests.add(bad(command, c, ENV))));
        clientCommands().forEach(command -> tests.add(bad(command,
                new Case("$STRATUM_API: expected http(s)://HOST:PORT, got 'localhost:1'"), Map.of("STRATUM_API", "localhost:1"))));
        clientCommands().forEach(command -> tests.add(bad(command,
                new Case("$STRATUM_API_TOKEN: a token is printable ASCII"), Map.of("STRATUM_API_TOKEN", "two words"))));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> specCommandsRefuseBadFilesAtOnce() {
        List<Case> cases = List.of(
                new Case("--env-file: '" + fifo + "' is a FIFO, socket or device, not a regular file", "--env-file", fifo.toString()),
                new Case("--env-file: '" + dir + "' is a directory, not a regular file", "--env-file", dir.toString()),
                new Case("--env-file: cannot read '" + dir.resolve("none") + "': no such file",
                        "--env-file", dir.resolve("none").toString()),
                new Case("--env: expected K=V, got '=x'", "--env", "=x"));
        List<DynamicTest> tests = new ArrayList<>();
        for (String command : List.of("validate", "run", "update", "uninstall")) {
            for (Case c : cases) {
                tests.add(bad("stratum " + command, new Case(c.expected(), concat(List.of(command, SPEC), c.args())), ENV));
            }
            tests.add(bad("stratum " + command, new Case("SPEC: '" + fifo + "' is a FIFO, socket or device, not a regular file",
                    command, fifo.toString()), ENV));
            tests.add(bad("stratum " + command, new Case("SPEC: '" + dir + "' is a directory, not a regular file",
                    command, dir.toString()), ENV));
            tests.add(bad("stratum " + command, new Case("SPEC: cannot read 'nope.yml': no such file", command, "nope.yml"), ENV));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> runAndUninstallRefuseBadAddressesWorkDirsAndTokensBeforeStartingAnything() {
        Path under = file.resolve("sub");
        List<Case> cases = List.of(
                new Case("--mesos: expected http://HOST:PORT, HOST:PORT or zk://HOST:PORT/PATH, got 'notaurl'", "--mesos", "notaurl"),
                new Case("--mesos: expected http://HOST:PORT, HOST:PORT or zk://HOST:PORT/PATH, got 'ftp://x'", "--mesos", "ftp://x"),
                new Case("--mesos: expected", "--mesos", "ftp://master:5050"),
                new Case("--mesos: expected", "--mesos", "zk://zk-1:2181"),
                new Case("--mesos: expected", "--mesos", "zk://zk-1/mesos"),
                new Case("--mesos: expected", "--mesos", "zk://zk-1:99999/mesos"),
                new Case("--mesos: expected", "--mesos", "master:99999"),
                new Case("--mesos: expected", "--mesos", "http://master:99999"),
                new Case("--mesos: expected", "--mesos", "http:///mesos"),
                new Case("--mesos: expected", "--mesos", ""),
                new Case("--zookeeper: expected HOST:PORT", "--zookeeper", "zk-1"),
                new Case("--zookeeper: expected HOST:PORT", "--zookeeper", "zk-1:0"),
                new Case("--zookeeper: expected HOST:PORT", "--zookeeper", "zk-1:70000"),
                new Case("--zookeeper: expected HOST:PORT", "--zookeeper", "zk-1:2181,"),
                new Case("--zookeeper: expected HOST:PORT", "--zookeeper", "zk://zk-1:2181"),
                new Case("--work-dir: '" + file + "' is a file, not a directory", "--work-dir", file.toString()),
                new Case("--work-dir: cannot create '" + under + "': '" + file + "' is a file, not a directory",
                        "--work-dir", under.toString()),
                new Case("--api-port: must be 0-65535, got -1", "--api-port", "-1"),
                new Case("--agents: must be 1-200, got 201", "--agents", "201"),
                new Case("--api-token is empty", "--api-token", ""),
                new Case("--api-token-file: '" + fifo + "' is a FIFO, socket or device, not a regular file",
                        "--api-token-file", fifo.toString()),
                new Case("--api-token-file: '" + empty + "' is empty", "--api-token-file", empty.toString()),
                new Case("--api-token and --api-token-file: give one of them, not both",
                        "--api-token", "t", "--api-token-file", file.toString()));
        List<DynamicTest> tests = new ArrayList<>();
        for (String command : List.of("run", "uninstall")) {
            for (Case c : cases) {
                Path work = dir.resolve("work-" + tried + "-" + tests.size());
                List<String> args = new ArrayList<>(List.of(command, SPEC));
                if (!List.of(c.args()).contains("--work-dir")) {
                    args.addAll(List.of("--work-dir", work.toString()));
                }
                args.addAll(List.of(c.args()));
                DynamicTest test = bad("stratum " + command, new Case(c.expected(), args.toArray(String[]::new)), ENV);
                tests.add(DynamicTest.dynamicTest(test.getDisplayName(), () -> {
                    test.getExecutable().execute();
                    assertThat(work).as("nothing created").doesNotExist();
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> clientCommandsRefuseEmptyNames() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] args : List.of(new String[] {"plan", "show", ""}, new String[] {"plan", "start", " "},
                new String[] {"plan", "continue", ""}, new String[] {"pod", "restart", ""}, new String[] {"pod", "info", ""},
                new String[] {"pod", "status", ""}, new String[] {"config", "show", ""}, new String[] {"endpoints", ""})) {
            String label = args[0].equals("plan") ? "PLAN" : args[0].equals("pod") ? "POD" : args[0].equals("config") ? "ID" : "NAME";
            String command = "stratum " + String.join(" ", List.of(args).subList(0, args.length - 1));
            tests.add(bad(command, new Case(label + ": must not be empty", args), ENV));
        }
        tests.add(bad("stratum plan restart", new Case("--step needs --phase", "plan", "restart", "deploy", "--step", "s"), ENV));
        return tests.stream();
    }

    private static DynamicTest bad(CommandSpec command, Case c, Map<String, String> env) {
        String[] required = command.name().equals("update") ? new String[] {SPEC} : required(command);
        return bad(command.qualifiedName(), new Case(c.expected(), args(command, required, c.args())), env);
    }

    private static DynamicTest bad(String command, Case c, Map<String, String> env) {
        return DynamicTest.dynamicTest("stratum " + String.join(" ", c.args()) + " " + env, () -> {
            tried++;
            assertBadInput(CliRun.of(env, c.args()), command, c.expected());
        });
    }

    /** @return the commands that call the API: those that take {@code --api} */
    static Stream<CommandSpec> clientCommands() {
        return CliBadInputTest.commands().filter(c -> c.optionsMap().containsKey("--api"));
    }

    private static String[] concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
