package io.stratum.sdk.internal.state;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SchedulerLock} on a Curator {@link LeaderLatch}; the listener runs on a thread of its own. */
final class CuratorSchedulerLock implements SchedulerLock {
    private static final Logger LOG = LoggerFactory.getLogger(CuratorSchedulerLock.class);
    private static final long CALLBACK_DRAIN_MS = 5_000;

    private final LeaderLatch latch;
    private final ExecutorService callbacks;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    CuratorSchedulerLock(CuratorFramework curator, String path, String namespace, String candidateId,
                         LeadershipListener listener) {
        Objects.requireNonNull(listener, "listener");
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
