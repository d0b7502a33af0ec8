package io.stratum.examples.helloworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's framework-folder form, {@code ./stratum run|validate|update|uninstall
 * examples/hello-world}: the folder's main runs the command with its {@code svc.yml}, the
 * command's flags and {@code --env}; errors name the command as typed. The module is already built
 * by this Maven run, so the test marks it built (the launcher would otherwise build it again,
 * inside this build).
 */
class LauncherIT {
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final Path FOLDER = ROOT.resolve("examples").resolve("hello-world");
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void markBuilt() throws IOException {
        Path stamp = FOLDER.resolve("target").resolve(".stratum-built");
        Files.writeString(stamp, "built by the test's Maven run\n");
        assertThat(FOLDER.resolve("target").resolve("runtime-classpath.txt")).exists();
    }

    @AfterEach
    void stop() throws Exception {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // the tasks too: a stopped scheduler leaves them running
            process.destroy();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
    }

    private Process launch(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("stratum").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        started.add(process);
        return process;
    }

    @Test
    void badFlagsAreExplainedInOneLineNamingTheCommandAsTyped() throws Exception {
        Path log = dir.resolve("bad.log");
        Process bad = launch(log, "run", FOLDER.toString(), "--phse", "x");

        assertThat(bad.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log).lines()).singleElement().isEqualTo("stratum run " + FOLDER
                + ": unknown option '--phse' (see 'stratum run " + FOLDER + " --help')");
    }

    @Test
    void validateChecksTheFoldersSpecThroughItsFramework() throws Exception {
        Path log = dir.resolve("validate.log");
        Process validate = launch(log, "validate", FOLDER.toString());
        Path badLog = dir.resolve("bad-validate.log");
        Process bad = launch(badLog, "validate", FOLDER.toString(), "--phse");

        assertThat(validate.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(validate.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log).lines()).singleElement().isEqualTo(FOLDER.resolve("svc.yml")
                + ": valid (service 'hello-world', 2 pod type(s), 2 task(s), 1 plan(s))");
        assertThat(bad.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(Files.readString(badLog).lines()).singleElement().isEqualTo("stratum validate " + FOLDER
                + ": unknown option '--phse' (see 'stratum validate " + FOLDER + " --help')");
    }

    @Test
    void theFolderRunsUpdatesAndUninstallsItsFrameworkWithItsSpecAndTheFlags() throws Exception {
        Path log = dir.resolve("run.log");
        Path work = dir.resolve("work");
        Process run = launch(log, "run", FOLDER.toString(), "--work-dir", work.toString(), "--api-port", "0",
                "--env", "UNUSED=1");

        URI api = await("the API is up").atMost(WAIT).until(() -> apiOf(Files.readString(log)), a -> a != null);
        HttpClient http = HttpClient.newHttpClient();
        await("deploy COMPLETE").atMost(WAIT).ignoreExceptions().until(() -> http.send(
                HttpRequest.newBuilder(api.resolve("/v1/plans/deploy")).build(), HttpResponse.BodyHandlers.ofString())
                .body().contains("\"status\" : \"COMPLETE\""));
        // the framework's own plan (GreetPlan) is there: the folder ran HelloWorld, not a bare spec
        String plans = http.send(HttpRequest.newBuilder(api.resolve("/v1/plans")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(plans).contains("greet");
        assertThat(Files.readString(log)).startsWith("running hello-world (work dir " + dir.resolve("work"));

        // update: the framework's own rule (OneHello) refuses a second hello in the scheduler
        Path twoHellos = Files.writeString(dir.resolve("two-hellos.yml"),
                Files.readString(FOLDER.resolve("svc.yml")).replaceFirst("count: 1", "count: 2"));
        Command refused = command("update", FOLDER.toString(), twoHellos.toString(), "--api", api.toString());
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains("hello-world greets from exactly one hello instance, got 2");
        Command same = command("update", FOLDER.toString(), "--api", api.toString());
        assertThat(same.exitCode()).as(same.output()).isZero();
        assertThat(same.output()).contains("config update accepted");

        // uninstall, once the scheduler is stopped (its tasks keep running until then)
        run.destroy();
        assertThat(run.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the scheduler stops on SIGTERM").isTrue();
        Command uninstall = command("uninstall", FOLDER.toString(), "--work-dir", work.toString());
        assertThat(uninstall.exitCode()).as(uninstall.output()).isZero();
        assertThat(uninstall.output()).contains("hello-world uninstalled");
        assertThat(work).doesNotExist();
    }

    /** A launcher command's exit code and output. */
    private record Command(int exitCode, String output) {}

    private Command command(String... args) throws Exception {
        Path log = Files.createTempFile(dir, "command", ".log");
        Process process = launch(log, args);
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("stratum %s ends", List.of(args)).isTrue();
        return new Command(process.exitValue(), Files.readString(log));
    }

    private static URI apiOf(String output) {
        Matcher m = Pattern.compile("api: (http://\\S+?)/v1/plans/deploy").matcher(output);
        return m.find() ? URI.create(m.group(1)) : null;
    }
}
