package io.stratum.sdk.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code stratum run} in a JVM of its own (this JVM's java and class path, the {@code ./stratum}
 * launcher's JVM options), its output in a file: a scheduler that can be killed with SIGKILL
 * without taking the test down.
 */
public final class SchedulerJvm implements AutoCloseable {
    private static final Pattern API = Pattern.compile("^api: (http://\\S+?)/v1/plans/deploy$", Pattern.MULTILINE);

    private final Process process;
    private final Path log;

    private SchedulerJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code stratum run spec --work-dir workDir --api-port 0 [more]}, its stdout and stderr to {@code log}.
     */
    public static SchedulerJvm run(Path spec, Path workDir, Path log, String... more) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The JVM options of the ./stratum launcher.
        List<String> command = new ArrayList<>(List.of(java, "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "io.stratum.sdk.cli.StratumCli", "run", spec.toString(),
                "--work-dir", workDir.toString(), "--api-port", "0"));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new SchedulerJvm(process, log);
    }

    /** @return the API, once the scheduler prints its address (at most {@link LocalServices#WAIT}) */
    public ServiceApi awaitApi() {
        String base = await("the scheduler's API address in " + log).atMost(LocalServices.WAIT)
                .pollInterval(LocalServices.POLL).until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the scheduler JVM exited with " + process.exitValue() + ":\n" + output());
                    }
                    Matcher m = API.matcher(output());
                    return m.find() ? m.group(1) : null;
                }, a -> a != null);
        return new ServiceApi(URI.create(base));
    }

    /** @return the JVM's output so far */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Kills the JVM with SIGKILL and waits (at most 10 s) until it is gone. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the scheduler JVM " + process.pid() + " survived SIGKILL");
        }
    }

    /** Stops the JVM as Ctrl-C would (SIGTERM: its shutdown hook stops the scheduler), at most 20 s; then SIGKILL. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    /** Kills the JVM if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}
