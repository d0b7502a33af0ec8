package io.stratum.sdk.internal.state;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

/**
 * A single ZooKeeper server inside this JVM, for {@code local} mode and tests: loopback only, its
 * data on disk under the base directory, so it survives {@link #stop()} and {@link #start()} (and a
 * process restart with the same directory).
 *
 * <pre>{@code
 * try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.builder(dir).build().start()) {
 *     ZooKeeperClient client = ZooKeeperClient.builder(zk.connectString(), "hello-world").build();
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #start()} returns only once the server answers the {@code srvr} four-letter word, or
 * fails within the start timeout: ZooKeeper's own start can report success and then lose its server
 * thread (a missing {@code snappy-java}, a corrupt data directory) while the process lives on.
 * With port 0 a free port is chosen at the first start and kept for later restarts, so clients can
 * reconnect. With {@link Builder#withRememberedPort()} it is also kept across processes: written to
 * {@code <baseDir>/}{@value #PORT_FILE} once the server serves, and reused by the next server on
 * that directory; when something else has taken it by then, {@link #start()} throws a
 * {@link PortTakenException} rather than serve elsewhere (clients told the port keep it).
 *
 * <p>ZooKeeper copies some settings into system properties ({@code zookeeper.4lw.commands.whitelist},
 * {@code zookeeper.admin.enableServer}); this server enables {@code srvr}, {@code mntr} and
 * {@code ruok} and disables the HTTP admin server. A server that stops on its own never exits the
 * JVM. Thread-safe.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    /** The file under the base directory that remembers the port ({@link Builder#withRememberedPort()}). */
    public static final String PORT_FILE = "client-port";

    private final Path baseDir;
    private final Duration tickTime;
    private final Duration startTimeout;
    private final boolean rememberPort;
    private int port;
    private ZooKeeperServerEmbedded server;

    private EmbeddedZooKeeper(Builder builder) {
        this.baseDir = builder.baseDir.toAbsolutePath();
        this.tickTime = builder.tickTime;
        this.startTimeout = builder.startTimeout;
        this.port = builder.port;
        this.rememberPort = builder.rememberPort;
    }

    /** @return a builder for a server keeping its files under {@code baseDir} (created if missing) */
    public static Builder builder(Path baseDir) {
        return new Builder(baseDir);
    }

    /**
     * Starts the server, or restarts it after {@link #stop()} on the same port and data. Does
     * nothing if it is running.
     *
     * @return this server
     * @throws PortTakenException    if the remembered port is taken by another program (nothing started)
     * @throws IllegalStateException if it does not serve within the start timeout
     */
    public synchronized EmbeddedZooKeeper start() {
        if (server != null) {
            return this;
        }
        if (rememberPort && port == 0) {
            port = rememberedPort();
            if (port != 0 && !free(port)) {
                int taken = port;
                port = 0;
                throw new PortTakenException(taken, baseDir.resolve(PORT_FILE));
            }
        }
        long deadline = System.nanoTime() + startTimeout.toNanos();
        try {
            Files.createDirectories(baseDir);
            server = ZooKeeperServerEmbedded.builder()
                    .baseDir(baseDir)
                    .configuration(configuration())
                    .exitHandler(ExitHandler.LOG_ONLY)
                    .build();
            deleteGeneratedConfigurations();
            server.start(Math.max(1, startTimeout.toMillis()));
            port = server.getClientPort();
            awaitServing(deadline);
            if (rememberPort) {
                remember(port);
            }
            return this;
        } catch (Exception e) {
            stop();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("embedded ZooKeeper in " + baseDir + " did not start within "
                    + startTimeout.toMillis() + " ms: " + e.getMessage()
                    + " (it needs org.xerial.snappy:snappy-java and io.dropwizard.metrics:metrics-core at run time)",
                    e);
        }
    }

    private Properties configuration() {
        Properties p = new Properties();
        p.setProperty("dataDir", dataDir().toString());
        p.setProperty("clientPortAddress", HOST);
        p.setProperty("clientPort", Integer.toString(port));
        p.setProperty("tickTime", Long.toString(tickTime.toMillis()));
        p.setProperty("maxClientCnxns", "0");
        p.setProperty("admin.enableServer", "false");
        p.setProperty("4lw.commands.whitelist", "srvr,mntr,ruok");
        p.setProperty("autopurge.snapRetainCount", "3");
        p.setProperty("autopurge.purgeInterval", "1");
        return p;
    }

    /** @return the port a server on this directory served on before, or 0 if none is remembered (or the file is unreadable) */
    private int rememberedPort() {
        Path file = baseDir.resolve(PORT_FILE);
        try {
            int remembered = Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return remembered > 0 && remembered <= 65_535 ? remembered : 0;
        } catch (IOException | NumberFormatException e) {
            return 0; // never written (a new directory), or damaged: take a new port
        }
    }

    private void remember(int served) throws IOException {
        if (rememberedPort() == served) {
            return;
        }
        Path file = baseDir.resolve(PORT_FILE);
        Path temp = baseDir.resolve(PORT_FILE + ".tmp");
        Files.writeString(temp, served + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return whether this server could listen on {@code candidate} now (as ZooKeeper binds: address reuse on) */
    private static boolean free(int candidate) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), candidate));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The port remembered in the base directory ({@link Builder#withRememberedPort()}) is taken by
     * another program: the server did not start. Its message is one line naming the port, the file
     * and the ways out.
     */
    public static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final int port;

        PortTakenException(int port, Path file) {
            super("the embedded ZooKeeper's port " + HOST + ":" + port + " (remembered in " + file
                    + ", and known to the tasks launched so far) is taken by another program: stop it, or delete "
                    + file + " to take a new port (running tasks keep the old address until relaunched)");
            this.port = port;
        }

        /** @return the remembered port */
        public int port() {
            return port;
        }
    }

    /** ZooKeeper writes its parsed configuration to a new temporary file on every start. */
    private void deleteGeneratedConfigurations() throws IOException {
        try (var files = Files.newDirectoryStream(baseDir, "zookeeper.configuration*.properties")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void awaitServing(long deadline) throws IOException, InterruptedException {
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                String answer = FourLetterWord.ask(HOST, port, "srvr", Duration.ofSeconds(1));
                if (answer.contains("Mode:")) {
                    return;
                }
                last = new IOException("unexpected answer to srvr: " + answer);
            } catch (IOException e) {
                last = e;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IOException("no answer to 'srvr' on " + HOST + ":" + port, last);
    }

    /** Stops the server, keeping its data; {@link #start()} brings it back. Does nothing if stopped. */
    public synchronized void stop() {
        if (server != null) {
            ZooKeeperServerEmbedded running = server;
            server = null;
            running.close();
        }
    }

    /** @return whether the server is started */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** @return the client port; 0 before the first start if a random port was asked for */
    public synchronized int port() {
        return port;
    }

    /**
     * @return {@code 127.0.0.1:port}, for {@link ZooKeeperClient#builder}
     * @throws IllegalStateException before the first start with a random port
     */
    public synchronized String connectString() {
        if (port == 0) {
            throw new IllegalStateException("the port is chosen at the first start()");
        }
        return HOST + ":" + port;
    }

    /** @return the directory holding the snapshots and transaction logs */
    public Path dataDir() {
        return baseDir.resolve("data");
    }

    /** Stops the server; its data stays on disk. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public synchronized String toString() {
        return "EmbeddedZooKeeper[" + HOST + ":" + port + ", " + baseDir + (server == null ? ", stopped]" : "]");
    }

    /** Options of an {@link EmbeddedZooKeeper}. Not thread-safe. */
    public static final class Builder {
        private final Path baseDir;
        private int port;
        private boolean rememberPort;
        private Duration tickTime = Duration.ofMillis(2000);
        private Duration startTimeout = Duration.ofSeconds(30);

        private Builder(Path baseDir) {
            this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
        }

        /** @param port the loopback client port; 0 (the default) picks a free one */
        public Builder withPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Keeps the port across processes: a server whose port is 0 takes the one remembered in
         * {@code <baseDir>/}{@value EmbeddedZooKeeper#PORT_FILE} (failing with a
         * {@link PortTakenException} if another program holds it), or else a free one; the port
         * served on is written there once the server serves. For a work dir whose tasks are told
         * the server's address. Off by default.
         */
        public Builder withRememberedPort() {
            this.rememberPort = true;
            return this;
        }

        /**
         * @param tickTime ZooKeeper's time unit (default 2 s); sessions may last 2 to 20 ticks, so
         *                 tests that expire sessions use a short one
         */
        public Builder withTickTime(Duration tickTime) {
            if (tickTime.toMillis() < 1) {
                throw new IllegalArgumentException("tickTime must be at least 1 ms");
            }
            this.tickTime = tickTime;
            return this;
        }

        /** @param startTimeout how long {@link #start()} may take (default 30 s) */
        public Builder withStartTimeout(Duration startTimeout) {
            if (startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("startTimeout must be positive");
            }
            this.startTimeout = startTimeout;
            return this;
        }

        /** @return a stopped server; call {@link EmbeddedZooKeeper#start()} */
        public EmbeddedZooKeeper build() {
            return new EmbeddedZooKeeper(this);
        }
    }
}
