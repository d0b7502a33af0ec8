package io.stratum.sdk.service;

import io.stratum.sdk.backend.ArtifactStore;
import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.discovery.ServiceZooKeeper;
import io.stratum.sdk.internal.http.ApiServer;
import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import io.stratum.sdk.internal.state.PersisterException;
import io.stratum.sdk.internal.state.ZooKeeperClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The cluster services run on, as one process sees it: the work dir (locked against a second
 * process), the state connection (an embedded ZooKeeper with its data in the work dir, or an
 * external one), the backends its services run their tasks through and, once {@link #bindApi
 * bound}, the API server's socket with the artifact store the backends publish to. A service
 * attaches with {@link #connect} (its own ZooKeeper namespace) and {@link #backend} (a backend for
 * each term the service's scheduler leads). Opened and closed by one thread; closing releases everything in reverse order.
 */
final class Cluster implements AutoCloseable {
    /** The session timeout with the embedded ZooKeeper (the server's minimum is 2 ticks, 4 s). */
    static final Duration EMBEDDED_SESSION_TIMEOUT = Duration.ofSeconds(6);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final RunOptions options;
    private String connectString;
    private Instant embeddedSince;
    private ApiServer.Builder api;
    private URI apiUrl;
    private ArtifactStore artifacts;

    private final boolean forRemoval;

    private Cluster(RunOptions options, boolean forRemoval) {
        this.options = options;
        this.forRemoval = forRemoval;
    }

    /**
     * Locks the work dir and starts (or names) ZooKeeper.
     *
     * @param out where the state's whereabouts are printed
     * @throws IOException if another process holds the work dir, or ZooKeeper can't start (the
     *     embedded one's port, which its tasks know, is taken by another program, say)
     */
    static Cluster open(RunOptions options, PrintWriter out) throws IOException {
        return open(options, out, false);
    }

    /**
     * As {@link #open(RunOptions, PrintWriter)}, for {@code uninstall}: the embedded ZooKeeper takes
     * any free port when its remembered one is taken, since no task is launched again.
     */
    static Cluster openForRemoval(RunOptions options, PrintWriter out) throws IOException {
        return open(options, out, true);
    }

    private static Cluster open(RunOptions options, PrintWriter out, boolean forRemoval) throws IOException {
        Cluster cluster = new Cluster(options, forRemoval);
        try {
            cluster.start(out);
            return cluster;
        } catch (IOException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void start(PrintWriter out) throws IOException {
        Files.createDirectories(options.workDir());
        resources.push(WorkDirLock.acquire(options.workDir()));
        if (options.zookeeper() == null) {
            embeddedSince = Instant.now(); // before the server starts: its clock stamps the nodes
            EmbeddedZooKeeper embedded = startEmbedded();
            resources.push(embedded);
            connectString = embedded.connectString();
            out.println("state: embedded ZooKeeper at " + connectString + " (data in " + embedded.dataDir() + ")");
        } else {
            connectString = options.zookeeper();
            out.println("state: ZooKeeper at " + connectString);
        }
    }

    /**
     * Starts the embedded server on the port it had before in this work dir (its tasks were told
     * it, and a re-adopted task keeps it), or a free one the first time. A remembered port another
     * program holds fails the start, in one line: serving elsewhere would leave the running tasks
     * pointing at that program (another work dir's ZooKeeper, say).
     */
    private EmbeddedZooKeeper startEmbedded() throws IOException {
        EmbeddedZooKeeper.Builder builder = EmbeddedZooKeeper.builder(options.workDir().resolve("zookeeper"));
        try {
            return builder.withRememberedPort().build().start();
        } catch (EmbeddedZooKeeper.PortTakenException e) {
            if (forRemoval) {
                return EmbeddedZooKeeper.builder(options.workDir().resolve("zookeeper")).build().start();
            }
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The service's ZooKeeper as its tasks reach it: the servers of the connect string (the embedded
     * one's {@code 127.0.0.1:port}, which every local agent's task reaches, or {@code --zookeeper}'s)
     * without a chroot, and the absolute path of the node reserved for the service's tasks (under
     * the chroot, if the connect string has one).
     */
    ServiceZooKeeper forTasks(ZooKeeperClient zk) {
        int slash = connectString.indexOf('/');
        String servers = slash < 0 ? connectString : connectString.substring(0, slash);
        String chroot = slash < 0 ? "" : connectString.substring(slash).replaceAll("/+$", "");
        return new ServiceZooKeeper(servers, chroot + zk.tasksPath());
    }

    /**
     * Deletes the lock nodes a process that ran this work dir before left in the embedded
     * ZooKeeper (a {@code kill -9}), so that this one need not wait for their sessions to expire.
     * Safe because every session older than this process's server belongs to a process that is
     * gone: this one holds the work dir's lock, and the server lives in its process. With an
     * external ZooKeeper nothing is known of the other sessions, and nothing is deleted.
     *
     * @return how many lock nodes were deleted
     */
    int releaseLocksOfGoneProcesses(ZooKeeperClient zk) {
        return embeddedSince == null ? 0 : zk.deleteLockNodesCreatedBefore(embeddedSince);
    }

    /** @return whether the state lives in the embedded ZooKeeper */
    boolean embedded() {
        return options.zookeeper() == null;
    }

    /** @return a started ZooKeeper client for the service {@code serviceName}'s namespace, closed with the cluster */
    ZooKeeperClient connect(String serviceName) throws IOException {
        ZooKeeperClient.Builder client = ZooKeeperClient.builder(connectString, serviceName);
        if (embedded()) {
            // The embedded server restores the sessions of a scheduler killed with -9 from its data
            // dir, with their lock nodes; the next run waits for that session to expire. Client and
            // server share this JVM, so a short session risks nothing a stall of the JVM would not.
            client.withSessionTimeout(EMBEDDED_SESSION_TIMEOUT);
        }
        ZooKeeperClient zk = client.build();
        resources.push(zk);
        try {
            zk.start();
        } catch (PersisterException e) {
            if (!embedded() && e.reason() == PersisterException.Reason.UNAVAILABLE) {
                throw new RunOptions.UnreachableException("zookeeper", "no ZooKeeper server at " + connectString
                        + " answered: check the address and that a quorum is up", e);
            }
            throw e;
        }
        return zk;
    }

    /**
     * Binds the API's socket, before any backend exists, so that the URL the backends give their
     * tasks (for config files on Mesos) is known; requests made before the server starts wait in
     * the backlog.
     *
     * @return the server's builder, for routes
     * @throws RunOptions.InvalidOptionException if {@code apiHost} is no address of this machine
     * @throws IOException                       if nothing can listen there
     */
    ApiServer.Builder bindApi() throws IOException {
        InetAddress address;
        try {
            address = InetAddress.getByName(options.apiHost());
        } catch (UnknownHostException e) {
            throw new RunOptions.InvalidOptionException("apiHost", options.apiHost() + " is not an address of this machine");
        }
        api = ApiServer.builder().withAddress(address).withPort(options.apiPort()).withToken(options.apiToken());
        resources.push(api::unbind);
        InetSocketAddress bound;
        try {
            bound = api.bind();
        } catch (BindException e) {
            throw new IOException("cannot listen on " + options.apiHost() + ":" + options.apiPort() + " (" + e.getMessage()
                    + "): pick another port or address", e);
        }
        apiUrl = options.apiUrl() != null ? options.apiUrl() : advertised(bound);
        artifacts = new ArtifactStore(apiUrl);
        return api;
    }

    /** Starts the API server with the routes added so far; it stops with the cluster. */
    ApiServer startApi() throws IOException {
        ApiServer server = api.build();
        resources.push(server);
        server.start();
        return server;
    }

    /**
     * Creates a service's backend on this cluster, with the artifact store of the API (after
     * {@link #bindApi}); the caller closes it (at the end of its term of leadership).
     */
    ClusterBackend backend(BackendFactory.Prepared prepared) throws Exception {
        return prepared.create(artifacts);
    }

    /** Closes {@code resource} with the cluster, before what was opened earlier. */
    void own(AutoCloseable resource) {
        resources.push(resource);
    }

    /** @return the API's URL as tasks reach it; after {@link #bindApi} */
    URI apiUrl() {
        return apiUrl;
    }

    /** @return where backends publish files for their tasks; after {@link #bindApi} */
    ArtifactStore artifacts() {
        return artifacts;
    }

    /** @return the bound address, with this machine's name for a wildcard address */
    private static URI advertised(InetSocketAddress bound) throws UnknownHostException {
        InetAddress address = bound.getAddress();
        String host = address.isAnyLocalAddress() ? InetAddress.getLocalHost().getCanonicalHostName()
                : address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create("http://" + host + ":" + bound.getPort());
    }

    /** Stops everything opened, newest first; the services' tasks keep running. */
    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                System.getLogger(Cluster.class.getName()).log(System.Logger.Level.WARNING, "closing: " + e.getMessage());
            }
        }
    }
}
