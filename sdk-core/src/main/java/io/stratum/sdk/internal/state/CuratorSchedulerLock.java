package io.stratum.sdk.internal.state;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.apache.curator.utils.ZKPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SchedulerLock} on a Curator {@link LeaderLatch}; the listener runs on a thread of its own. */
final class CuratorSchedulerLock implements SchedulerLock {
    private static final Logger LOG = LoggerFactory.getLogger(CuratorSchedulerLock.class);
    private static final long CALLBACK_DRAIN_MS = 5_000;

    private final CuratorFramework curator;
    private final CuratorPersister persister;
    private final BooleanSupplier connected;
    private final String path;
    private final LeaderLatch latch;
    private final ExecutorService callbacks;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    CuratorSchedulerLock(CuratorFramework curator, CuratorPersister persister, BooleanSupplier connected, String path,
                         String namespace, String candidateId, LeadershipListener listener) {
        Objects.requireNonNull(listener, "listener");
        this.curator = curator;
        this.persister = persister;
        this.connected = connected;
        this.path = path;
        this.latch = new LeaderLatch(curator, path, Objects.requireNonNull(candidateId, "candidateId"),
                LeaderLatch.CloseMode.NOTIFY_LEADER);
        this.callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "stratum-leadership " + namespace + " " + candidateId);
            thread.setDaemon(true);
            return thread;
        });
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                LOG.info("{} leads {}", candidateId, namespace);
                listener.leadershipAcquired();
            }

            @Override
            public void notLeader() {
                LOG.info("{} no longer leads {}", candidateId, namespace);
                listener.leadershipLost();
            }
        }, callbacks);
    }

    @Override
    public void start() {
        if (closed.get()) {
            throw new IllegalStateException("closed");
        }
        if (started.compareAndSet(false, true)) {
            KeeperFailures.run(null, () -> {
                latch.start();
                return null;
            });
        }
    }

    @Override
    public boolean isLeader() {
        return started.get() && !closed.get() && latch.hasLeadership();
    }

    @Override
    public boolean awaitLeadership(Duration timeout) throws InterruptedException {
        if (!started.get() || closed.get()) {
            throw new IllegalStateException("the lock is not started, or closed");
        }
        return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Persister termPersister() {
        String ours = latch.getOurPath();
        if (!isLeader() || ours == null || !lowest(ours)) {
            throw new PersisterException(PersisterException.Reason.FENCED, null,
                    "this scheduler does not lead " + path + " now", null);
        }
        return new ConnectedPersister(persister.fencedBy(ours), connected);
    }

    /**
     * @return whether {@code node} exists and has the lowest sequence number of the election: the
     *         leader's node. Sequence numbers only grow, so while it exists it stays the leader's.
     */
    private boolean lowest(String node) {
        List<String> candidates = KeeperFailures.run(path, () -> curator.getChildren().forPath(path));
        return candidates.stream().min(Comparator.comparing(CuratorSchedulerLock::sequence))
                .map(first -> ZKPaths.makePath(path, first).equals(node)).orElse(false);
    }

    /** @return the sequence number ZooKeeper appended to a sequential node's name (10 digits) */
    private static String sequence(String name) {
        return name.length() < 10 ? name : name.substring(name.length() - 10);
    }

    @Override
    public Optional<String> leaderId() {
        try {
            Participant leader = latch.getLeader();
            return leader.isLeader() && !leader.getId().isEmpty() ? Optional.of(leader.getId()) : Optional.empty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (started.get()) {
            try {
                latch.close();
            } catch (IOException | IllegalStateException e) {
                LOG.warn("closing the leader latch failed: {}", e.toString());
            }
        }
        callbacks.shutdown();
        try {
            if (!callbacks.awaitTermination(CALLBACK_DRAIN_MS, TimeUnit.MILLISECONDS)) {
                LOG.warn("a leadership listener is still running after {} ms", CALLBACK_DRAIN_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
