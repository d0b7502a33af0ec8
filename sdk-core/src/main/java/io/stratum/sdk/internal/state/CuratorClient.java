package io.stratum.sdk.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.common.ZKConfig;
import org.apache.zookeeper.data.Stat;

/** {@link ZooKeeperClient} on one Curator client, namespaced to the service. */
final class CuratorClient implements ZooKeeperClient {
    static final String ROOT = "/stratum";
    static final String LEADER = "/leader";
    /** The tasks' own node: created here, never read or written by Stratum (see {@link ZooKeeperClient#tasksPath()}). */
    static final String TASKS = "/tasks";
    /** Far longer than any transaction takes, so a sweep never takes the blobs of one under way. */
    static final Duration ORPHAN_AGE = Duration.ofMinutes(10);
    /**
     * Answers larger than 1 MB must be readable: the children of a node with 20,000+ children, and
     * multi-reads of {@link ParallelReader#GROUP} values of up to 512 KiB each.
     */
    private static final int CLIENT_MAX_PACKET = 128 * 1024 * 1024;

    private final String connectString;
    private final String namespace;
    private final long connectionTimeoutMs;
    private final CuratorFramework curator;
    private final CuratorPersister persister;
    private final BlobStore blobs;
    private final List<CuratorSchedulerLock> locks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean ready;

    CuratorClient(ZooKeeperClient.Builder options) {
        this.connectString = options.connectString;
        this.namespace = namespaceOf(options.serviceName);
        this.connectionTimeoutMs = options.connectionTimeout.toMillis();
        ZKClientConfig clientConfig = new ZKClientConfig();
        clientConfig.setProperty(ZKConfig.JUTE_MAXBUFFER, Integer.toString(CLIENT_MAX_PACKET));
        this.curator = CuratorFrameworkFactory.builder()
                .connectString(options.connectString)
                .namespace(namespace.substring(1))
                .sessionTimeoutMs(Math.toIntExact(options.sessionTimeout.toMillis()))
                .connectionTimeoutMs(Math.toIntExact(options.connectionTimeout.toMillis()))
                .retryPolicy(new BoundedExponentialBackoffRetry(Math.toIntExact(options.retryBaseSleep.toMillis()),
                        Math.toIntExact(options.retryMaxSleep.toMillis()), options.retries))
                .defaultData(new byte[0])
                .zkClientConfig(clientConfig)
                .build();
        this.blobs = new BlobStore(curator, TransactionWriter.INLINE_LIMIT);
        this.persister = new CuratorPersister(curator, new ParallelReader(curator, options.operationTimeout), blobs,
                new TransactionWriter(curator, blobs));
    }

    /** @return the namespace of {@code serviceName}'s state: {@code /stratum/<encoded name>} */
    static String namespaceOf(String serviceName) {
        return ROOT + "/" + SegmentCodec.encode(trimSlashes(serviceName));
    }

    private static String trimSlashes(String name) {
        String trimmed = name.replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a service name must not be empty: '" + name + "'");
        }
        return trimmed;
    }

    @Override
    public void start() {
        if (closed.get()) {
            throw new IllegalStateException("closed");
        }
        if (!started.compareAndSet(false, true)) {
            if (ready) {
                return;
            }
            throw new IllegalStateException("start() failed or is under way for " + namespace
                    + "; close this client and build a new one");
        }
        curator.start();
        boolean connected = KeeperFailures.run(null,
                () -> curator.blockUntilConnected(Math.toIntExact(connectionTimeoutMs), TimeUnit.MILLISECONDS));
        if (!connected) {
            throw new PersisterException(PersisterException.Reason.UNAVAILABLE, null, "no ZooKeeper server at "
                    + connectString + " answered within " + connectionTimeoutMs + " ms", null);
        }
        SchemaVersion.check(curator, namespace, SCHEMA_VERSION);
        blobs.sweepOrphans(ORPHAN_AGE);
        ready = true;
    }

    @Override
    public Persister persister() {
        requireStarted();
        return persister;
    }

    @Override
    public Persister requestPersister() {
        requireStarted();
        return new ConnectedPersister(persister, this::connected);
    }

    /** @return whether the client has a connection to a ZooKeeper server that serves it now */
    boolean connected() {
        return curator.getZookeeperClient().isConnected();
    }

    @Override
    public SchedulerLock schedulerLock(String candidateId, LeadershipListener listener) {
        requireStarted();
        CuratorSchedulerLock lock = new CuratorSchedulerLock(curator, persister, this::connected, LEADER, namespace, candidateId, listener);
        locks.add(lock);
        return lock;
    }

    private void requireStarted() {
        if (!ready || closed.get()) {
            throw new IllegalStateException("the ZooKeeper client for " + namespace + " is not started, or closed");
        }
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public int deleteLockNodesCreatedBefore(Instant instant) {
        requireStarted();
        return KeeperFailures.run(LEADER, () -> {
            long ours = curator.getZookeeperClient().getZooKeeper().getSessionId();
            int deleted = 0;
            List<String> children = curator.checkExists().forPath(LEADER) == null ? List.of()
                    : curator.getChildren().forPath(LEADER);
            for (String child : children) {
                String node = ZKPaths.makePath(LEADER, child);
                Stat stat = curator.checkExists().forPath(node);
                if (stat != null && stat.getEphemeralOwner() != 0 && stat.getEphemeralOwner() != ours
                        && stat.getCtime() < instant.toEpochMilli()) {
                    try {
                        curator.delete().withVersion(stat.getVersion()).forPath(node);
                        deleted++;
                    } catch (KeeperException.NoNodeException | KeeperException.BadVersionException e) {
                        // gone already (its session expired meanwhile)
                    }
                }
            }
            return deleted;
        });
    }

    /** For tests in this package that need to reach ZooKeeper directly (to expire a session, say). */
    @Override
    public void deleteNamespace() {
        // The client is namespaced to the service: its paths are relative to the namespace, so
        // deleting the namespace itself takes a view of the client from the root.
        CuratorFramework root = curator.usingNamespace(null);
        try {
            if (root.checkExists().forPath(namespace) != null) {
                root.delete().guaranteed().deletingChildrenIfNeeded().forPath(namespace);
            }
        } catch (Exception e) {
            throw new PersisterException(PersisterException.Reason.UNAVAILABLE, namespace,
                    "cannot delete " + namespace + ": " + e.getMessage(), e);
        }
    }

    CuratorFramework curator() {
        return curator;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            locks.forEach(CuratorSchedulerLock::close);
            curator.close();
        }
    }

    @Override
    public String toString() {
        return "ZooKeeperClient[" + connectString + namespace + "]";
    }
}
