package io.stratum.sdk.it.realmesos;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.service.ServiceRuntime;
import io.stratum.sdk.spec.ServiceSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Apache Mesos master and agents for a test class: {@code ../shared/mesos/mesos-cluster}
 * (beside the repository) started in a temporary directory before the class, stopped after it.
 * Where the script is missing or the cluster does not start (no root, not Debian 12, ...), the
 * class is skipped with the reason. Register it as a {@code static} field with
 * {@code @RegisterExtension}.
 *
 * <p>The master's state endpoints answer through {@link #master(String)}; what the agents wrote
 * (persistent volumes, sandboxes) is under {@link #dir()}, deleted after the class unless a test
 * failed (then the logs and sandboxes stay for a look).
 */
public final class RealMesos implements BeforeAllCallback, AfterAllCallback {
    /** The script, from the module's directory ({@code sdk-core}): {@code ../shared/mesos/mesos-cluster} of the repository root. */
    static final Path SCRIPT = Path.of("..", "..", "shared", "mesos", "mesos-cluster");
    /** A bound for everything the real cluster does for a test: launches, fetches, kills, recoveries. */
    public static final Duration WAIT = Duration.ofSeconds(90);
    public static final Duration POLL = Duration.ofMillis(250);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The script's default resources for an agent, in Mesos's JSON form (without MOUNT disks). */
    private static final String DEFAULT_RESOURCES_JSON = "{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":2}},"
            + "{\"name\":\"mem\",\"type\":\"SCALAR\",\"scalar\":{\"value\":4096}},"
            + "{\"name\":\"disk\",\"type\":\"SCALAR\",\"scalar\":{\"value\":10000}},"
            + "{\"name\":\"ports\",\"type\":\"RANGES\",\"ranges\":{\"range\":[{\"begin\":31000,\"end\":32000}]}}";

    private final int agents;
    private final String resources;
    private final int mountDisks;
    private final int mountDiskMb;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path dir;
    private URI master;
    private boolean started;
    private final List<Path> mounted = new ArrayList<>();

    /** @param agents how many agents, each with the script's default resources */
    public RealMesos(int agents) {
        this(agents, null);
    }

    /**
     * @param resources each agent's {@code --resources} (Mesos's syntax, static reservations as
     *                  {@code cpus(role):1}), or null for the script's default
     */
    public RealMesos(int agents, String resources) {
        this(agents, resources, 0, 0);
    }

    private RealMesos(int agents, String resources, int mountDisks, int mountDiskMb) {
        this.agents = agents;
        this.resources = resources;
        this.mountDisks = mountDisks;
        this.mountDiskMb = mountDiskMb;
    }

    /**
     * One agent with the script's default resources plus {@code count} MOUNT disks of
     * {@code sizeMb} each, their roots the directories {@link #mountRoot(int) mnt/dN} of this
     * cluster's directory (made before the agent starts). One agent only: the script gives every
     * agent the same {@code --resources}, so several agents would share the roots.
     */
    public static RealMesos withMountDisks(int count, int sizeMb) {
        return new RealMesos(1, null, count, sizeMb);
    }

    /** @return the root directory of MOUNT disk {@code n} (1-based) of a {@link #withMountDisks} cluster */
    public Path mountRoot(int n) {
        return dir.resolve("mnt").resolve("d" + n);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SCRIPT), () -> "no real Mesos: " + SCRIPT.toAbsolutePath().normalize()
                + " is missing (the repository's ../shared/mesos)");
        dir = Files.createTempDirectory("stratum-real-mesos-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("start.out");
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "start", dir().toString(), "--agents",
                Integer.toString(agents), "--port", Integer.toString(port)));
        if (resources != null) {
            command.addAll(List.of("--resources", resources));
        } else if (mountDisks > 0) {
            StringBuilder json = new StringBuilder("[").append(DEFAULT_RESOURCES_JSON);
            for (int n = 1; n <= mountDisks; n++) {
                Files.createDirectories(mountRoot(n));
                bindMount(mountRoot(n));
                json.append(",{\"name\":\"disk\",\"type\":\"SCALAR\",\"scalar\":{\"value\":").append(mountDiskMb)
                        .append("},\"disk\":{\"source\":{\"type\":\"MOUNT\",\"mount\":{\"root\":\"")
                        .append(mountRoot(n)).append("\"}}}}");
            }
            command.addAll(List.of("--resources", json.append(']').toString()));
        }
        Process start = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started = true; // stop even a start that half succeeded
        boolean done = start.waitFor(3, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!done) {
            start.destroyForcibly();
        }
        String url = output.lines().filter(l -> l.startsWith("MASTER=")).map(l -> l.substring("MASTER=".length()))
                .findFirst().orElse(null);
        Assumptions.assumeTrue(done && start.exitValue() == 0 && url != null,
                () -> "no real Mesos: " + SCRIPT + " start did not succeed: " + output.strip());
        master = URI.create(url);
    }

    /**
     * Makes {@code root} a mount point (a bind mount onto itself): Mesos wants a MOUNT disk's root
     * in {@code /proc/mounts}. The agents' private mount namespaces copy it.
     */
    private void bindMount(Path root) throws IOException, InterruptedException {
        Process mount = new ProcessBuilder("mount", "--bind", root.toString(), root.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = mount.waitFor(1, TimeUnit.MINUTES);
        Assumptions.assumeTrue(done && mount.exitValue() == 0,
                () -> "no real Mesos with MOUNT disks: cannot bind-mount " + root + ": " + output.strip());
        mounted.add(root);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            stopCluster();
        } finally {
            for (Path root : mounted) {
                new ProcessBuilder("umount", "-l", root.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(1, TimeUnit.MINUTES);
            }
            mounted.clear();
        }
        if (started && context.getExecutionException().isEmpty()) { // kept after a failure: logs, sandboxes
            try (Stream<Path> tree = Files.walk(dir)) {
                tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void stopCluster() throws Exception {
        if (!started) {
            return;
        }
        // An agent may still start a check's container (and its I/O switchboard, in a session of
        // its own) while the script stops the agent's children: every descendant seen while the
        // agents live is killed afterwards if it survived.
        Set<ProcessHandle> seen = new HashSet<>();
        List<ProcessHandle> agentProcesses = agentProcesses();
        agentProcesses.forEach(a -> a.descendants().forEach(seen::add));
        Process stop = new ProcessBuilder(SCRIPT.toString(), "stop", dir().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stop.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!stop.waitFor(50, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
            agentProcesses.stream().filter(ProcessHandle::isAlive).forEach(a -> a.descendants().forEach(seen::add));
        }
        if (stop.isAlive()) {
            stop.destroyForcibly();
        }
        seen.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private List<ProcessHandle> agentProcesses() throws IOException {
        List<ProcessHandle> found = new ArrayList<>();
        if (!Files.isDirectory(dir())) {
            return found;
        }
        try (Stream<Path> files = Files.list(dir())) {
            for (Path pidFile : files.filter(p -> p.getFileName().toString().matches("agent\\d+\\.pid")).toList()) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(found::add);
            }
        }
        return found;
    }

    /**
     * A pod {@code store} (for a spec's {@code pods:}): one RUNNING task that appends its task id to
     * {@code data/launches} and its pid to {@code data/pid} in its ROOT volume {@code data}, ready
     * once the pid is written.
     */
    public static final String STORE_POD = """
              store:
                count: 1
                tasks:
                  server:
                    goal: RUNNING
                    cmd: echo "$TASK_ID" >> data/launches && echo $$ > data/pid && exec sleep 100000
                    cpus: 0.1
                    memory: 32
                    volume:
                      path: data
                      type: ROOT
                      size: 8
                    readiness-check:
                      cmd: test -s data/pid
                      interval: 1
                      delay: 0
                      timeout: 5
            """;

    /**
     * A service of this test's cluster, deployed: its runtime, its API and what it printed. Closing
     * stops its scheduler (the tasks keep running, as with Ctrl-C) and prints its output to the
     * test's log.
     */
    public record Deployed(ServiceRuntime runtime, ServiceApi api, StringWriter output) implements AutoCloseable {
        @Override
        public void close() {
            runtime.close();
            System.out.println(output);
        }
    }

    /**
     * Writes {@code yaml} to {@code dir/svc.yml}, runs it on this cluster (work dir {@code dir/work},
     * API on a free port) and waits for its deploy plan to be COMPLETE.
     */
    public Deployed deploy(Path dir, String yaml) throws Exception {
        return deploy(ServiceSpec.load(Files.writeString(dir.resolve("svc.yml"), yaml), Map.of()), options(dir.resolve("work")));
    }

    /** @return run options over {@code workDir} on this cluster, the API on a free port */
    public RunOptions options(Path workDir) {
        return RunOptions.builder(workDir).withApiPort(0).withMesos(masterUrl()).build();
    }

    /** @return the example hello-world service's spec */
    public static ServiceSpec helloWorld() throws Exception {
        return ServiceSpec.load(Path.of("..", "examples", "hello-world", "svc.yml"), Map.of());
    }

    /** Runs {@code spec} with {@code options} and waits for its deploy plan to be COMPLETE. */
    public Deployed deploy(ServiceSpec spec, RunOptions options) throws Exception {
        StringWriter output = new StringWriter();
        ServiceRuntime runtime = Service.builder(spec).build().start(options, new PrintWriter(output, true));
        try {
            ServiceApi api = new ServiceApi(runtime.apiUrl());
            await("deploy COMPLETE").atMost(WAIT).pollInterval(POLL).until(api::deployComplete);
            return new Deployed(runtime, api, output);
        } catch (RuntimeException | Error e) {
            runtime.close();
            throw e;
        }
    }

    /** @return the master's URL, e.g. {@code http://127.0.0.1:40123} */
    public String masterUrl() {
        return master.toString();
    }

    /** @return the cluster's directory: agents' work dirs ({@code agentN/work}), logs */
    public Path dir() {
        return dir.resolve("cluster");
    }

    /** @return the master's JSON at {@code path} ({@code /slaves}, {@code /frameworks}, {@code /state}) */
    public JsonNode master(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(master.resolve(path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the framework named {@code name} the master knows, active or not (not completed), or a missing node */
    public JsonNode framework(String name) {
        for (JsonNode framework : master("/frameworks").path("frameworks")) {
            if (name.equals(framework.path("name").asText())) {
                return framework;
            }
        }
        return JSON.missingNode();
    }

    /** @return the reserved resources of every agent for {@code role}, persistent volumes included */
    public List<JsonNode> reservations(String role) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode agent : master("/slaves").path("slaves")) {
            agent.path("reserved_resources_full").path(role).forEach(found::add);
        }
        return found;
    }

    /** @return the files named {@code name} inside persistent volumes on any agent */
    public List<Path> volumeFiles(String name) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> agentDirs = Files.list(dir())) {
            for (Path agent : agentDirs.filter(p -> p.getFileName().toString().matches("agent\\d+")).toList()) {
                Path volumes = agent.resolve("work").resolve("volumes");
                if (Files.isDirectory(volumes)) {
                    try (Stream<Path> files = Files.walk(volumes)) {
                        files.filter(p -> p.getFileName().toString().equals(name) && Files.isRegularFile(p)).forEach(found::add);
                    }
                }
            }
        }
        return found;
    }

    /** @return what a task wrote into {@code file} on an agent */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (at most {@link #WAIT}) until {@code condition} holds of the master's JSON at {@code path}. */
    public JsonNode awaitMaster(String what, String path, Predicate<JsonNode> condition) {
        return await(what).atMost(WAIT).pollInterval(POLL).ignoreExceptions().until(() -> master(path), condition);
    }
}
