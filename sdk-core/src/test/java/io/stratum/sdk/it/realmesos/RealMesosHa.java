package io.stratum.sdk.it.realmesos;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import java.io.IOException;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Three real Mesos masters electing a leader in a ZooKeeper (an embedded one, on loopback), their
 * registry a replicated log with a quorum of two (so a new leader knows the agents and answers
 * reconciliation for their tasks once they re-register, as in production), and one agent that
 * follows the leader through ZooKeeper: what {@code zk://} detection, master failover and a
 * standby's redirect need, which {@link RealMesos}'s single master can't show. The masters
 * authenticate frameworks with HTTP basic credentials ({@link #PRINCIPAL}/{@link #SECRET}).
 *
 * <p>The binaries are the ones {@code ../shared/mesos/mesos-cluster} installs (its {@code start}
 * with no agents installs them and checks that they run here, then {@code stop}); the masters and
 * the agent are started as that script starts them (the agent in a private mount namespace). Where
 * the script is missing or fails, the class is skipped with the reason.
 */
public final class RealMesosHa implements BeforeAllCallback, AfterAllCallback {
    public static final String PRINCIPAL = "ha-principal";
    public static final String SECRET = "ha-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ZK_SESSION = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();
    /** How many masters; a quorum of the replicated log is a majority of them. */
    public static final int MASTERS = 3;
    private final Process[] masters = new Process[MASTERS];
    private final int[] ports = new int[MASTERS];
    private Path dir;
    private Path home;
    private EmbeddedZooKeeper zk;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(RealMesos.SCRIPT), () -> "no real Mesos: "
                + RealMesos.SCRIPT.toAbsolutePath().normalize() + " is missing (the repository's ../shared/mesos)");
        dir = Files.createTempDirectory("stratum-real-mesos-ha-");
        home = Path.of(Optional.ofNullable(System.getenv("STRATUM_MESOS_HOME")).orElse("/tmp/stratum-mesos-1.12"));
        Path install = dir.resolve("install");
        String output = script("start", install.toString(), "--agents", "0", "--port", Integer.toString(freePort()));
        script("stop", install.toString());
        Assumptions.assumeTrue(output.contains("MASTER=") && Files.isExecutable(home.resolve("libexec/mesos-master")),
                () -> "no real Mesos: " + RealMesos.SCRIPT + " start did not succeed: " + output.strip());

        zk = EmbeddedZooKeeper.builder(dir.resolve("zk")).withTickTime(Duration.ofMillis(200)).build().start();
        Files.writeString(dir.resolve("credentials.json"),
                "{\"credentials\":[{\"principal\":\"" + PRINCIPAL + "\",\"secret\":\"" + SECRET + "\"}]}");
        for (int i = 0; i < MASTERS; i++) {
            ports[i] = freePort();
            startMaster(i);
        }
        Path agent = dir.resolve("agent1");
        Files.createDirectories(agent);
        String env = "{\"LD_LIBRARY_PATH\":\"" + home.resolve("lib") + "\",\"PATH\":\"/usr/local/sbin:/usr/local/bin:/usr/sbin:"
                + "/usr/bin:/sbin:/bin\",\"GLOG_drop_log_memory\":\"false\"}";
        start(agent.resolveSibling("agent1.out"), "unshare", "-m", "sh", "-c",
                "umount /sys/fs/cgroup/unified 2>/dev/null; exec \"$0\" \"$@\"", home.resolve("libexec/mesos-agent").toString(),
                "--master=" + zkUrl(), "--zk_session_timeout=" + ZK_SESSION.toSeconds() + "secs", "--ip=127.0.0.2",
                "--port=5051", "--hostname=agent1", "--work_dir=" + agent.resolve("work"),
                "--runtime_dir=" + agent.resolve("run"), "--fetcher_cache_dir=" + agent.resolve("fetch"),
                "--log_dir=" + agent.resolve("log"), "--launcher_dir=" + home.resolve("libexec"), "--launcher=posix",
                "--isolation=posix/cpu,posix/mem,filesystem/posix", "--no-systemd_enable_support",
                "--resources=cpus:2;mem:4096;disk:10000;ports:[31000-32000]", "--attributes=zone:zone-1",
                "--executor_environment_variables=" + env);
        await("a leading master with the agent").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL).ignoreExceptions()
                .until(() -> state(leader()).path("activated_slaves").asInt() == 1);
    }

    private void startMaster(int i) throws IOException {
        Path work = dir.resolve("master" + i);
        Files.createDirectories(work);
        masters[i] = start(work.resolveSibling("master" + i + ".out"), home.resolve("libexec/mesos-master").toString(),
                "--ip=127.0.0.1", "--port=" + ports[i], "--hostname=127.0.0.1", "--zk=" + zkUrl(), "--quorum=" + (MASTERS / 2 + 1),
                "--registry=replicated_log", "--zk_session_timeout=" + ZK_SESSION.toSeconds() + "secs",
                "--work_dir=" + work, "--log_dir=" + work.resolve("log"),
                "--authenticate_http_frameworks", "--http_framework_authenticators=basic",
                "--credentials=" + dir.resolve("credentials.json"));
    }

    private Process start(Path log, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LD_LIBRARY_PATH", home.resolve("lib").toString());
        builder.environment().put("GLOG_drop_log_memory", "false");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private String script(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(RealMesos.SCRIPT.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : processes) {
            process.onExit().get(1, TimeUnit.MINUTES);
        }
        if (zk != null) {
            zk.close();
        }
        if (dir != null && context.getExecutionException().isEmpty()) { // kept after a failure: logs, sandboxes
            try (Stream<Path> tree = Files.walk(dir)) {
                tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** @return {@code zk://127.0.0.1:PORT/mesos}: where the masters elect their leader */
    public String zkUrl() {
        return "zk://" + zk.connectString() + "/mesos";
    }

    /** @return master {@code i}'s URL (0 to {@link #MASTERS} - 1) */
    public URI master(int i) {
        return URI.create("http://127.0.0.1:" + ports[i]);
    }

    /** @return the index of the leading master (a standby answers {@code /state} with a redirect) */
    public int leader() {
        for (int i = 0; i < MASTERS; i++) {
            if (masters[i].isAlive() && status(i, "/state") == 200) {
                JsonNode state = state(i);
                if (state.path("leader").asText().equals(state.path("pid").asText()) && !state.path("pid").asText().isEmpty()) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("no master leads");
    }

    /** @return whether master {@code i} runs as a standby: it redirects {@code /state} to the leader */
    public boolean isStandby(int i) {
        return masters[i].isAlive() && status(i, "/state") == 307;
    }

    private int status(int i, String path) {
        try {
            return http.send(HttpRequest.newBuilder(master(i).resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills master {@code i} with SIGKILL and waits until it is gone. */
    public void killMaster(int i) throws Exception {
        masters[i].destroyForcibly().onExit().get(1, TimeUnit.MINUTES);
    }

    /** Starts master {@code i} again (after {@link #killMaster}); it joins as a standby if the other leads. */
    public void restartMaster(int i) throws IOException {
        startMaster(i);
    }

    /** @return master {@code i}'s {@code /state} */
    public JsonNode state(int i) {
        return get(i, "/state");
    }

    /** @return the framework named {@code name} on master {@code i}, active or not (not completed), or a missing node */
    public JsonNode framework(int i, String name) {
        for (JsonNode framework : get(i, "/frameworks").path("frameworks")) {
            if (name.equals(framework.path("name").asText())) {
                return framework;
            }
        }
        return JSON.missingNode();
    }

    private JsonNode get(int i, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(master(i).resolve(path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the agent's work dir (persistent volumes under {@code volumes}, sandboxes under {@code slaves}) */
    public Path agentWorkDir() {
        return dir.resolve("agent1").resolve("work");
    }
}
