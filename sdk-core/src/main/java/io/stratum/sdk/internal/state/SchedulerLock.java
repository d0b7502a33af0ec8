package io.stratum.sdk.internal.state;

import java.time.Duration;
import java.util.Optional;

/**
 * Makes sure one scheduler acts for a service: every instance holds a lock candidate, one of them
 * leads, the others wait as hot standbys and take over when the leader closes its lock, dies or
 * loses its ZooKeeper session (after the session timeout). Built on Curator's {@code LeaderLatch}.
 *
 * <p>Leadership is also given up while the connection to ZooKeeper is suspended, since this
 * instance cannot tell whether its session survives; it is usually regained after the reconnect.
 * Get one from {@link ZooKeeperClient#schedulerLock}. Thread-safe.
 */
public interface SchedulerLock extends AutoCloseable {

    /** Joins the election and returns at once; the listener learns the outcome. */
    void start();

    /** @return whether this instance leads right now */
    boolean isLeader();

    /**
     * Waits until this instance leads.
     *
     * @return true if it leads, false if {@code timeout} passed first
     */
    boolean awaitLeadership(Duration timeout) throws InterruptedException;

    /** @return the candidate id of the current leader, if there is one and ZooKeeper answers */
    Optional<String> leaderId();

    /** Leaves the election (telling the listener if this instance led); idempotent. */
    @Override
    void close();
}
