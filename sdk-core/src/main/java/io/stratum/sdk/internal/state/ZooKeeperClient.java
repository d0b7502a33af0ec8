package io.stratum.sdk.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One service's connection to ZooKeeper: a session, the service's namespace
 * ({@code /stratum/<service-name>}, the name percent-encoded so that {@code group/svc} is one node),
 * the {@link Persister} over it, and the {@link SchedulerLock}s that elect the active scheduler.
 *
 * <pre>{@code
 * try (ZooKeeperClient zk = ZooKeeperClient.builder("127.0.0.1:2181", "hello-world").build()) {
 *     zk.start();
 *     StateStore tasks = StateStore.of(zk.persister());
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Layout</b> under the namespace: {@code schema-version} (decimal text), {@code data} (the
 * persister tree), {@code blobs} (chunks of large values), {@code leader} (the election), and
 * {@code tasks}: the service's tasks' own node ({@link #tasksPath()}), created empty by
 * {@link #start()} and never read or written by Stratum after that; it goes with
 * {@link #deleteNamespace()}.
 *
 * <p><b>Schema</b>: {@link #start()} writes {@value #SCHEMA_VERSION} into a new namespace and
 * refuses, with {@link PersisterException.Reason#SCHEMA_MISMATCH}, to use one written by a newer
 * Stratum: it would misread state it does not understand.
 *
 * <p><b>Failures</b>: operations wait up to the connection timeout for a connection and retry on
 * connection loss with bounded exponential backoff; past that they throw
 * {@link PersisterException.Reason#UNAVAILABLE}. A lost session is re-established by the next
 * operation. Thread-safe.
 */
public interface ZooKeeperClient extends AutoCloseable {

    /** The version of the layout this code writes and understands. */
    int SCHEMA_VERSION = 1;

    /**
     * @param connectString ZooKeeper servers, {@code host:port[,host:port...]}
     * @param serviceName   the service whose state this is; any non-empty string, leading and
     *                      trailing {@code /} ignored (Marathon-style {@code /group/svc} names work)
     */
    static Builder builder(String connectString, String serviceName) {
        return new Builder(connectString, serviceName);
    }

    /**
     * Connects (waiting at most the connection timeout), checks the schema version and creates the
     * namespace if it is new. Does nothing if already started; a client whose start failed stays
     * unusable (close it).
     *
     * @throws PersisterException {@link PersisterException.Reason#UNAVAILABLE} if no server answers,
     *                            {@link PersisterException.Reason#SCHEMA_MISMATCH} for a newer schema
     */
    void start();

    /** @return the persister over this service's state; valid once started, until closed */
    Persister persister();

    /**
     * @return the persister for answering requests (the API's): as {@link #persister()}, except
     *         that while the client has no connection to ZooKeeper (a lost quorum, say) every call
     *         fails at once with {@link PersisterException.Reason#UNAVAILABLE} instead of waiting
     *         for one; valid once started, until closed
     */
    Persister requestPersister();

    /**
     * Creates a candidate for leadership of this service; call {@link SchedulerLock#start()} to join
     * the election. Closing this client closes its locks.
     *
     * @param candidateId names this scheduler instance to the others (a host name and pid, say)
     * @param listener    told when leadership is gained and lost
     */
    SchedulerLock schedulerLock(String candidateId, LeadershipListener listener);

    /**
     * Deletes the lock nodes of this service's election that other sessions created before
     * {@code instant}: for a caller that knows every such session is dead. The embedded ZooKeeper
     * restores the sessions of a scheduler killed with {@code -9} from its data, with their lock
     * nodes, and keeps them until they time out; a new scheduler that holds the work dir's lock and
     * started that server at {@code instant} knows that no session older than the server is alive,
     * and need not wait for the session to expire. Nodes created since (by this client or anyone
     * connected to the new server) are left alone.
     *
     * @return how many lock nodes were deleted
     * @throws PersisterException if ZooKeeper cannot be reached
     */
    int deleteLockNodesCreatedBefore(Instant instant);

    /**
     * Deletes the service's whole namespace (its state, schema version, chunks and lock nodes):
     * what {@code uninstall} does last. The client stays usable only for closing.
     *
     * @throws PersisterException if ZooKeeper cannot be reached
     */
    void deleteNamespace();

    /** @return the ZooKeeper path of the service's namespace, e.g. {@code /stratum/group%2Fsvc} */
    String namespace();

    /**
     * @return the absolute path of the node reserved for the service's tasks (relative to the
     *     connect string's chroot, if any), e.g. {@code /stratum/group%2Fsvc/tasks}
     */
    default String tasksPath() {
        return namespace() + CuratorClient.TASKS;
    }

    /**
     * @param serviceName a service name, as {@link #builder} takes it
     * @return the {@link #tasksPath()} of that service's clients
     */
    static String tasksPathOf(String serviceName) {
        return CuratorClient.namespaceOf(serviceName) + CuratorClient.TASKS;
    }

    /** Closes the locks and the session; idempotent. Ephemeral nodes (the lock) go with the session. */
    @Override
    void close();

    /** Options of a {@link ZooKeeperClient}. Not thread-safe. */
    final class Builder {
        final String connectString;
        final String serviceName;
        Duration sessionTimeout = Duration.ofSeconds(30);
        Duration connectionTimeout = Duration.ofSeconds(15);
        Duration operationTimeout = Duration.ofSeconds(60);
        Duration retryBaseSleep = Duration.ofMillis(100);
        Duration retryMaxSleep = Duration.ofSeconds(5);
        int retries = 5;

        private Builder(String connectString, String serviceName) {
            this.connectString = Objects.requireNonNull(connectString, "connectString");
            this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        }

        /** @param timeout the ZooKeeper session timeout (default 30 s), clamped by the server to 2..20 ticks */
        public Builder withSessionTimeout(Duration timeout) {
            this.sessionTimeout = positive(timeout, "sessionTimeout");
            return this;
        }

        /** @param timeout how long one attempt waits for a connection (default 15 s) */
        public Builder withConnectionTimeout(Duration timeout) {
            this.connectionTimeout = positive(timeout, "connectionTimeout");
            return this;
        }

        /** @param timeout how long a bulk read waits for all its answers (default 60 s) */
        public Builder withOperationTimeout(Duration timeout) {
            this.operationTimeout = positive(timeout, "operationTimeout");
            return this;
        }

        /**
         * @param retries   how often an operation is retried after a connection loss (default 5)
         * @param baseSleep the first pause between attempts, doubled each time (default 100 ms)
         * @param maxSleep  the longest pause (default 5 s)
         */
        public Builder withRetries(int retries, Duration baseSleep, Duration maxSleep) {
            if (retries < 0 || retries > 29) {
                throw new IllegalArgumentException("retries must be within 0..29, got " + retries);
            }
            this.retries = retries;
            this.retryBaseSleep = positive(baseSleep, "baseSleep");
            this.retryMaxSleep = positive(maxSleep, "maxSleep");
            return this;
        }

        /** @return a client, not yet connected; call {@link ZooKeeperClient#start()} */
        public ZooKeeperClient build() {
            return new CuratorClient(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
