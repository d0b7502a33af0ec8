package io.stratum.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.SpecLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A framework's {@code main} ({@code StratumCli.run(defaultSpec, factory, computed, args)}): every
 * spec command (run, validate, update, uninstall) on its folder, through its factory, with its
 * folder's {@code options.env} as the lowest defaults and what it computes for variables nothing
 * else sets; bad input is one line naming the command and the flag or file, exit 2.
 */
class FrameworkCliTest {
    private static final String SPEC = """
            name: {{NAME}}
            pods:
              node:
                count: {{NODE_COUNT}}
                tasks:
                  server:
                    goal: RUNNING
                    cmd: echo {{GREETING}} && exec sleep 1000
                    cpus: 0.1
                    memory: 32
                    env:
                      JAVA_FOUND: {{FOUND_JAVA}}
            """;
    private static final String OPTIONS = """
            # my-fw's defaults
            NAME=fw-from-options

            NODE_COUNT=1
            GREETING="from-options"
            """;

    @TempDir
    Path dir;

    private Path folder;
    private Path spec;
    private final List<Map<String, String>> made = new ArrayList<>();
    private final List<Map<String, String>> computedFrom = new ArrayList<>();

    private final StratumCli.ServiceFactory factory = (file, env) -> {
        made.add(Map.copyOf(env));
        return Service.builder(SpecLoader.builder().withEnv(env).build().load(file)).build();
    };
    private final StratumCli.ComputedEnv computed = env -> {
        computedFrom.add(Map.copyOf(env));
        Map<String, String> found = new LinkedHashMap<>();
        found.put("FOUND_JAVA", "/found/jdk");
        found.put("GREETING", "computed");
        return found;
    };

    @BeforeEach
    void folder() throws Exception {
        folder = Files.createDirectories(dir.resolve("my-fw"));
        spec = Files.writeString(folder.resolve("svc.yml"), SPEC);
        Files.writeString(folder.resolve("options.env"), OPTIONS);
    }

    private CliRun run(Map<String, String> env, String... args) {
        return runAs(null, env, args);
    }

    private CliRun runAs(String program, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FrameworkCli.run(spec, factory, computed, env, program, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void validateRendersWithTheFoldersDefaultsAndWhatTheFrameworkComputes() {
        CliRun validate = run(Map.of(), "validate");

        assertThat(validate.exitCode()).as("%s", validate).isZero();
        assertThat(validate.out()).isEqualTo(spec + ": valid (service 'fw-from-options', 1 pod type(s), 1 task(s), 0 plan(s))\n");
        assertThat(made).singleElement().satisfies(env -> assertThat(env)
                .containsEntry("NAME", "fw-from-options").containsEntry("NODE_COUNT", "1")
                .containsEntry("GREETING", "from-options").containsEntry("FOUND_JAVA", "/found/jdk"));
        assertThat(computedFrom).singleElement().satisfies(env -> assertThat(env)
                .as("the framework computes knowing every other source").containsEntry("GREETING", "from-options")
                .doesNotContainKey("FOUND_JAVA"));
    }

    @Test
    void withoutTheDefaultsFileTheSpecLacksItsVariables() throws Exception {
        Files.delete(folder.resolve("options.env"));

        CliRun validate = run(Map.of(), "validate");

        assertThat(validate.exitCode()).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(validate.out()).contains("missing template variable 'NAME'");
        assertThat(validate.err()).contains("hint: give template variables with --env");
    }

    @Test
    void theDefaultsAreLowestThenTheEnvironmentThenEnvFilesThenEnvFlagsAndComputedValuesFillTheRest() throws Exception {
        Path file = Files.writeString(dir.resolve("more.env"), "GREETING=from-file\nNODE_COUNT=2\n");
        Map<String, String> process = Map.of("GREETING", "from-process", "NAME", "from-process", "FOUND_JAVA", "/my/jdk");

        assertThat(run(process, "validate").exitCode()).isZero();
        assertThat(made.get(0)).containsEntry("GREETING", "from-process").containsEntry("NAME", "from-process")
                .containsEntry("NODE_COUNT", "1").containsEntry("FOUND_JAVA", "/my/jdk");
        assertThat(run(process, "validate", "--env-file", file.toString()).exitCode()).isZero();
        assertThat(made.get(1)).containsEntry("GREETING", "from-file").containsEntry("NODE_COUNT", "2");
        assertThat(run(process, "validate", "--env-file", file.toString(), "--env", "GREETING=from-flag").exitCode()).isZero();
        assertThat(made.get(2)).containsEntry("GREETING", "from-flag").containsEntry("NODE_COUNT", "2");
    }

    @Test
    void aSpecGivenOnTheCommandLineStillGetsTheFrameworksDefaults() throws Exception {
        Path other = Files.writeString(dir.resolve("other.yml"), SPEC.replace("node:", "other:"));

        CliRun validate = run(Map.of(), "validate", other.toString());

        assertThat(validate.exitCode()).as("%s", validate).isZero();
        assertThat(validate.out()).startsWith(other + ": valid (service 'fw-from-options'");
    }

    @Test
    void updateSendsTheSpecAsRunRendersItWithTheDefaultsAndComputedValues() throws Exception {
        AtomicReference<String> body = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/configurations/target", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"message\": \"config update accepted\", \"targetId\": \"t-2\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            CliRun update = run(Map.of(), "update", "--api", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--env", "NODE_COUNT=2");

            assertThat(update.exitCode()).as("%s", update).isZero();
            assertThat(update.out()).isEqualTo("config update accepted (target t-2)\n");
            assertThat(body.get()).contains("\"name\":\"fw-from-options\"").contains("echo from-options && exec sleep 1000")
                    .contains("\"JAVA_FOUND\":\"/found/jdk\"").contains("\"count\":2");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void uninstallMakesTheFrameworksServiceWithItsDefaults() {
        CliRun uninstall = run(Map.of(), "uninstall");

        assertThat(uninstall.exitCode()).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(uninstall.err().lines()).singleElement().asString().startsWith("my-fw uninstall: --work-dir: '"
                + Path.of(".stratum", "fw-from-options").toAbsolutePath() + "' does not exist: nothing to uninstall");
    }

    @Test
    void withoutACommandItRunsAndEachCommandIsNamedInItsErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertOneLine(run(Map.of(), "--mesos", "notaurl"), "my-fw", "--mesos: expected http://HOST:PORT");
        assertOneLine(run(Map.of(), spec.toString(), "--mesos", "notaurl"), "my-fw", "--mesos: expected http://HOST:PORT");
        assertOneLine(run(Map.of(), "run", "--mesos", "notaurl"), "my-fw run", "--mesos: expected http://HOST:PORT");
        assertOneLine(run(Map.of(), "run", "--zones", "a,a"), "my-fw run", "--zones: zone a is given twice");
        assertOneLine(run(Map.of(), "validate", "--no-such"), "my-fw validate", "unknown option '--no-such'");
        assertOneLine(run(Map.of(), "validate", "a.yml", "b.yml"), "my-fw validate", "unexpected argument 'b.yml'");
        assertOneLine(run(Map.of(), "update", "--api", "notaurl"), "my-fw update", "--api: expected http(s)://HOST:PORT");
        assertOneLine(run(Map.of(), "update", "--env", "novalue"), "my-fw update", "--env: expected K=V, got 'novalue'");
        assertOneLine(run(Map.of(), "uninstall", "--work-dir", file.toString()), "my-fw uninstall",
                "--work-dir: '" + file + "' is a file, not a directory");
        assertOneLine(run(Map.of(), "uninstall", dir.resolve("none.yml").toString()), "my-fw uninstall",
                "SPEC: cannot read '" + dir.resolve("none.yml") + "': no such file");
        assertOneLine(runAs("stratum update examples/my-fw", Map.of(), "update", "--nope"),
                "stratum update examples/my-fw", "unknown option '--nope'");
    }

    @Test
    void aBadDefaultsFileIsOneLineNamingItForEveryCommand() throws Exception {
        Files.writeString(folder.resolve("options.env"), "NAME=fw\nNOT A PAIR\n");
        for (String command : FrameworkCli.COMMANDS) {
            assertOneLine(run(Map.of(), command), "my-fw " + command,
                    folder.resolve("options.env") + ":2: expected K=V, got 'NOT A PAIR'");
        }
        Files.delete(folder.resolve("options.env"));
        Files.createDirectory(folder.resolve("options.env"));
        assertOneLine(run(Map.of(), "validate"), "my-fw validate",
                "options.env: '" + folder.resolve("options.env") + "' is a directory, not a regular file");
        assertThat(made).as("nothing made").isEmpty();
    }

    @Test
    void specProblemsAreReportedAsValidateReportsThemByEveryCommand() {
        for (String command : FrameworkCli.COMMANDS) {
            CliRun run = run(Map.of(), command, "--env", "NODE_COUNT=-1");

            assertThat(run.exitCode()).as("%s: %s", command, run).isEqualTo(StratumCli.BAD_INPUT);
            assertThat(command.equals("validate") ? run.out() : run.err()).as(command)
                    .contains(spec + ":4:").contains("pods.node.count");
            CliBadInputTest.assertNothingOfJava(run.err());
        }
    }

    @Test
    void helpListsTheCommandsAndEachCommandHasItsOwn() {
        CliRun help = run(Map.of(), "--help");
        CliRun validate = run(Map.of(), "validate", "--help");
        CliRun update = runAs("stratum update examples/my-fw", Map.of(), "update", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: my-fw ").contains("run", "validate", "update", "uninstall")
                .contains("options.env").contains("Without a command, run");
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.out()).startsWith("Usage: my-fw validate ").contains("[SPEC]").contains("--env-file")
                .contains("default: the framework's");
        assertThat(update.out()).startsWith("Usage: stratum update examples/my-fw ").contains("[SPEC]").contains("--api");
        assertThat(made).isEmpty();
    }

    private static void assertOneLine(CliRun run, String command, String expected) {
        assertThat(run.exitCode()).as("%s", run).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(run.err().lines()).as("%s", run).hasSize(1);
        assertThat(run.err().strip()).startsWith(command + ": ").contains(expected).endsWith("(see '" + command + " --help')");
        CliBadInputTest.assertNothingOfJava(run.err());
    }
}
