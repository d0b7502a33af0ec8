package io.stratum.examples.cassandra.it;

import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratum.examples.cassandra.Cassandra;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.service.ServiceRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Cassandra ring run by the framework's own {@link Service} in this JVM, on the local backend
 * (embedded ZooKeeper, local agents on 127.0.0.2 and up, nodes as real processes); a JUnit 5
 * extension, one per test. After each test it uninstalls the service (tasks killed, volumes
 * destroyed) and kills any process still running under its work dir, so no Cassandra JVM outlives
 * a test; when the test failed it prints the scheduler's output and the nodes' stderr.
 */
public final class RealRing implements AfterEachCallback {
    /** The longest a node may take to be UN after its launch on this (shared, 2-core) machine. */
    public static final Duration NODE_WAIT = Duration.ofMinutes(3);
    /** The data center of the nodes (the default option). */
    public static final String DATA_CENTER = "datacenter1";

    private static final Path SPEC = Path.of("svc.yml").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StringWriter output = new StringWriter();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path workDir;
    private Service service;
    private RunOptions options;
    private ServiceRuntime runtime;

    /** @return the ports the nodes use: free ones on 127.0.0.2, so that nothing else on the machine collides */
    private static Map<String, String> freePorts() {
        Map<String, String> ports = new LinkedHashMap<>();
        for (String option : List.of("NATIVE_PORT", "STORAGE_PORT", "JMX_PORT")) {
            ports.put(option, Integer.toString(freePort(ports.values())));
        }
        return ports;
    }

    private static int freePort(java.util.Collection<String> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 30_000); // within the local agents' ports
            if (taken.contains(Integer.toString(port))) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.2"))) {
                return port;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.2 in 20000-30000");
    }

    /**
     * Starts the framework with {@code nodes} nodes on as many local agents, the options given
     * over small-machine defaults and free ports.
     */
    public RealRing start(Path workDir, int nodes, Map<String, String> options) throws Exception {
        this.workDir = workDir;
        env.put("NODES", Integer.toString(nodes));
        env.put("HEAP", "256M");
        env.putAll(freePorts());
        env.putAll(options);
        service = Cassandra.service(SPEC, env);
        this.options = RunOptions.builder(workDir).withApiPort(0).withAgents(nodes).build();
        runtime = service.start(this.options, new PrintWriter(output, true));
        return this;
    }

    /** @return the value of option {@code name} the ring was started with */
    public String option(String name) {
        return env.get(name);
    }

    /** @return the native transport port of every node */
    public int nativePort() {
        return Integer.parseInt(env.get("NATIVE_PORT"));
    }

    /** @return a driver session to the node at {@code address}, with timeouts for a loaded machine */
    public CqlSession session(String address) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20))
                .build();
        return CqlSession.builder().withConfigLoader(config)
                .addContactPoint(new InetSocketAddress(address, nativePort()))
                .withLocalDatacenter(DATA_CENTER).build();
    }

    /** @return the API's answer to {@code GET path} */
    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** {@code POST path} with a JSON body; fails unless answered 2xx */
    public void post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
    }

    private URI api(String path) {
        return runtime.apiUrl().resolve(path);
    }

    /** @return the status of plan {@code plan} */
    public String planStatus(String plan) throws IOException, InterruptedException {
        return get("/v1/plans/" + plan).path("status").asText();
    }

    /** Waits (at most {@code wait}) until plan {@code plan} is COMPLETE. */
    public void awaitPlanComplete(String plan, Duration wait) {
        await(plan + " COMPLETE").atMost(wait).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> planStatus(plan), "COMPLETE"::equals);
    }

    /** Starts plan {@code plan} with {@code parameters} and waits (at most {@code wait}) until it is COMPLETE. */
    public void runPlan(String plan, Map<String, String> parameters, Duration wait) throws Exception {
        post("/v1/plans/" + plan + "/start", parameters);
        awaitPlanComplete(plan, wait);
    }

    /** @return the task {@code taskName} of pod instance {@code podInstance}, as {@code pod info} shows it */
    public Optional<JsonNode> task(String podInstance, String taskName) throws IOException, InterruptedException {
        for (JsonNode task : get("/v1/pod/" + podInstance + "/info")) {
            if (task.path("name").asText().equals(podInstance + "-" + taskName)) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    /** @return the node's Cassandra JVM: the process running {@code CassandraDaemon} under its task */
    public ProcessHandle daemon(JsonNode serverTask) {
        long pid = serverTask.path("pid").asLong();
        ProcessHandle task = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(task), task.descendants())
                .filter(p -> p.info().commandLine().orElse("").contains("CassandraDaemon"))
                .findFirst().orElseThrow(() -> new AssertionError("no CassandraDaemon under process " + pid));
    }

    /** @return the resident memory of {@code process} in MB (from /proc) */
    public static long residentMb(ProcessHandle process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IOException("no VmRSS for process " + process.pid());
    }

    /** @return the output of {@code cassandra-node.sh ARGS} run from the task's sandbox, as an operator would */
    public String nodeScript(JsonNode task, String... args) throws IOException, InterruptedException {
        return nodeScript(task, Map.of(), args);
    }

    /** @return the output of {@code cassandra-node.sh ARGS} run with {@code env} added (as plan parameters are) */
    public String nodeScript(JsonNode task, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", Path.of(task.path("sandbox").asText(), "cassandra-node.sh")
                .toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(command + " did not end within 2 minutes:\n" + out);
        }
        if (process.exitValue() != 0) {
            throw new IOException(command + " exited " + process.exitValue() + ":\n" + out);
        }
        return out;
    }

    /** Stops the scheduler and uninstalls the service: its tasks killed, volumes destroyed, state deleted. */
    public void uninstall() throws Exception {
        if (runtime != null) {
            ServiceRuntime running = runtime;
            runtime = null;
            running.close();
            service.uninstall(options, new PrintWriter(output, true));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (context.getExecutionException().isPresent()) {
            System.out.println("--- the scheduler's output:\n" + output);
            printTaskOutputs();
        }
        try {
            uninstall();
        } finally {
            killWhatRunsUnder(workDir);
        }
    }

    private void printTaskOutputs() throws IOException {
        if (workDir == null || !Files.isDirectory(workDir)) {
            return;
        }
        try (var files = Files.walk(workDir.resolve("cluster"), 5)) {
            for (Path output : files.filter(f -> f.getFileName().toString().matches("stdout|stderr")).toList()) {
                List<String> lines = Files.readAllLines(output);
                System.out.println("--- " + output + " (last 30 lines):");
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.out::println);
            }
        }
    }

    /** Kills every process whose command line names {@code dir} (a node, a tool, a task's shell). */
    static void killWhatRunsUnder(Path dir) throws InterruptedException {
        if (dir == null) {
            return;
        }
        String path = dir.toAbsolutePath().toString();
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(path)).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : left) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                System.out.println("process " + process.pid() + " did not end within 30 s of SIGKILL");
            }
        }
    }

    /** @return the processes whose command line names the work dir (none once the ring is uninstalled) */
    public List<String> processesUnderWorkDir() {
        String path = workDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(path))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
    }
}
