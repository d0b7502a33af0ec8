package io.stratum.sdk.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real ZooKeeper ensemble of three servers on loopback, each {@code QuorumPeerMain} (from the
 * zookeeper jar on this JVM's class path) in a JVM of its own, so that a server can be killed with
 * SIGKILL and started again over its data. Ticks of 200 ms: sessions last at most 4 s (20 ticks),
 * and a follower gives up on a silent leader after 1 s. The four-letter word {@code srvr} tells
 * each server's role. {@link #close} kills every server it started.
 */
public final class ZooKeeperQuorum implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final Duration START = Duration.ofSeconds(60);

    private final Path dir;
    private final int[] clientPorts = new int[3];
    private final Process[] servers = new Process[3];

    private final Thread reaper = new Thread(this::destroyAll, "zookeeper-quorum-reaper");

    private ZooKeeperQuorum(Path dir) {
        this.dir = dir;
        Runtime.getRuntime().addShutdownHook(reaper); // the servers never outlive the test JVM
    }

    private void destroyAll() {
        for (Process server : servers) {
            if (server != null) {
                server.destroyForcibly();
            }
        }
    }

    /** Starts the three servers and waits (at most a minute) until they form a quorum. */
    public static ZooKeeperQuorum start(Path dir) throws IOException {
        ZooKeeperQuorum quorum = new ZooKeeperQuorum(dir);
        try {
            quorum.configure();
            for (int i = 0; i < 3; i++) {
                quorum.start(i);
            }
            quorum.awaitQuorum();
            return quorum;
        } catch (IOException | RuntimeException | Error e) {
            quorum.close();
            throw e;
        }
    }

    private void configure() throws IOException {
        int[] ports = freePorts(9);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clientPorts[i] = ports[3 * i];
            members.add("server." + (i + 1) + "=" + HOST + ":" + ports[3 * i + 1] + ":" + ports[3 * i + 2]);
        }
        for (int i = 0; i < 3; i++) {
            Path data = Files.createDirectories(dir.resolve("zk-" + (i + 1)));
            Files.writeString(data.resolve("myid"), Integer.toString(i + 1));
            Files.write(config(i), List.of("tickTime=200", "initLimit=20", "syncLimit=5",
                    "dataDir=" + data, "clientPort=" + clientPorts[i], "clientPortAddress=" + HOST,
                    "4lw.commands.whitelist=*", "admin.enableServer=false", String.join("\n", members)));
        }
    }

    private Path config(int server) {
        return dir.resolve("zoo-" + (server + 1) + ".cfg");
    }

    /** Starts server {@code server} (0..2) over its data, as after a crash; returns at once. */
    public void start(int server) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "org.apache.zookeeper.server.quorum.QuorumPeerMain",
                config(server).toString());
        servers[server] = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("zk-" + (server + 1) + ".log").toFile()))
                .start();
    }

    /** Waits (at most a minute) until a leader and two servers serve. */
    public void awaitQuorum() {
        await("a ZooKeeper quorum with a leader").atMost(START).pollInterval(Duration.ofMillis(100))
                .until(() -> leader().isPresent() && IntStream.range(0, 3).filter(this::serving).count() == 3);
    }

    /** Kills server {@code server} with SIGKILL and waits until it is gone. */
    public void kill(int server) throws InterruptedException {
        Process process = servers[server];
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("ZooKeeper server " + (server + 1) + " survived SIGKILL");
            }
        }
    }

    /** @return the index (0..2) of the server that says it leads, if one does */
    public Optional<Integer> leader() {
        return IntStream.range(0, 3).filter(i -> mode(i).equals("leader")).boxed().findFirst();
    }

    /** @return whether server {@code server} serves clients (leader, follower or standalone) */
    public boolean serving(int server) {
        return !mode(server).isEmpty();
    }

    /** @return the server's {@code Mode:} in answer to {@code srvr}; empty if it does not serve */
    public String mode(int server) {
        String answer = fourLetterWord(server, "srvr");
        return answer.lines().filter(l -> l.startsWith("Mode: ")).map(l -> l.substring(6).strip()).findFirst().orElse("");
    }

    /** @return the answer to a four-letter word; empty if the server is down or does not serve */
    public String fourLetterWord(int server, String word) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, clientPorts[server]), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }

    /** @return {@code host:port,host:port,host:port} */
    public String connectString() {
        return IntStream.of(clientPorts).mapToObj(p -> HOST + ":" + p).collect(Collectors.joining(","));
    }

    /** @return the servers' logs, for a failure message */
    public String logs() {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            Path log = dir.resolve("zk-" + i + ".log");
            try {
                if (Files.exists(log)) {
                    List<String> lines = Files.readAllLines(log);
                    out.append("--- ZooKeeper server ").append(i).append(" (last 40 lines) ---\n");
                    lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> out.append(l).append('\n'));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(HOST, 0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Kills every server still running (also done by a shutdown hook, should the test JVM exit first). */
    @Override
    public void close() {
        for (int i = 0; i < 3; i++) {
            try {
                kill(i);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                servers[i].destroyForcibly();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }
}
