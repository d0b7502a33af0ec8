package io.stratum.sdk.it;

import static org.awaitility.Awaitility.await;

import io.stratum.sdk.backend.local.LocalBackend;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.service.ServiceRuntime;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Services run in this JVM as {@code stratum run} runs them (embedded ZooKeeper unless one is
 * given, local agents, scheduler, API on a free port); a JUnit extension, one per test:
 * {@code @RegisterExtension final LocalServices services = new LocalServices();}.
 *
 * <p>After each test it stops every service it started, uninstalls what their work dirs hold
 * ({@link LocalBackend#destroyAll}: tasks killed, volumes destroyed), kills any task process still
 * alive under them or recorded with {@link #track}, and prints the services' output if the test
 * failed. No process outlives a test.
 */
public final class LocalServices implements AfterEachCallback {
    /** The longest a deploy or a recovery may take in these tests. */
    public static final Duration WAIT = Duration.ofSeconds(60);
    /** How often the API is polled. */
    public static final Duration POLL = Duration.ofMillis(100);

    private final List<Started> started = new ArrayList<>();
    private final Set<Path> workDirs = new LinkedHashSet<>();
    private final Set<Long> pids = new LinkedHashSet<>();

    /** A service running in this JVM; closing stops its scheduler and leaves its tasks running. */
    public record Started(ServiceRuntime runtime, ServiceApi api, Path workDir, StringWriter output)
            implements AutoCloseable {
        @Override
        public void close() {
            runtime.close();
        }
    }

    /** @return the example hello-world service's spec file */
    public static Path helloWorld() {
        return Path.of("..", "examples", "hello-world", "svc.yml").toAbsolutePath().normalize();
    }

    /** @return {@code yaml} written to {@code dir/svc.yml} */
    public static Path writeSpec(Path dir, String yaml) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("svc.yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the spec in {@code file}, rendered without environment */
    public static ServiceSpec load(Path file) {
        try {
            return ServiceSpec.load(file, Map.of());
        } catch (SpecException e) {
            throw new AssertionError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code spec} over {@code workDir} with 3 agents and the embedded ZooKeeper. */
    public Started start(ServiceSpec spec, Path workDir) throws Exception {
        return start(spec, workDir, null);
    }

    /** Runs {@code spec} over {@code workDir} with 3 agents and the ZooKeeper at {@code zookeeper} (null: embedded). */
    public Started start(ServiceSpec spec, Path workDir, String zookeeper) throws Exception {
        return start(spec, RunOptions.builder(workDir).withApiPort(0).withZooKeeper(zookeeper).build());
    }

    /** Runs {@code spec} with {@code options} (its work dir is cleaned up after the test). */
    public Started start(ServiceSpec spec, RunOptions options) throws Exception {
        return start(Service.builder(spec).build(), options);
    }

    /** Runs a framework's {@code service} with {@code options} (its work dir is cleaned up after the test). */
    public Started start(Service service, RunOptions options) throws Exception {
        Path workDir = options.workDir();
        watch(workDir);
        StringWriter output = new StringWriter();
        ServiceRuntime runtime = service.start(options, new PrintWriter(output, true));
        Started running = new Started(runtime, new ServiceApi(runtime.apiUrl()), workDir, output);
        started.add(running);
        return running;
    }

    /** Makes the cleanup cover {@code workDir} (a service run in another JVM, say). */
    public void watch(Path workDir) {
        workDirs.add(workDir.toAbsolutePath());
    }

    /** Makes the cleanup kill this task's process group if it still lives. */
    public void track(long pid) {
        pids.add(pid);
    }

    /** Waits (at most {@link #WAIT}) until the service's deploy plan is COMPLETE. */
    public static void awaitDeployComplete(ServiceApi api) {
        await("deploy COMPLETE").atMost(WAIT).pollInterval(POLL).until(api::deployComplete);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            for (Started service : started) {
                System.out.println("--- output of the service in " + service.workDir() + " ---\n" + service.output());
            }
        }
        started.forEach(Started::close);
        for (Path workDir : workDirs) {
            Path cluster = workDir.resolve("cluster");
            if (Files.isDirectory(cluster)) {
                try (LocalBackend backend = LocalBackend.builder(cluster).build()) {
                    backend.destroyAll(Duration.ofSeconds(20));
                } catch (RuntimeException e) {
                    System.out.println("cleanup: cannot uninstall " + cluster + ": " + e);
                }
            }
            Processes.killLeftovers(workDir);
        }
        Processes.killGroups(pids);
    }
}
