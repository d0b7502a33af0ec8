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

    /**
     * The state of the service for one term of leadership: the client's persister, with every write
     * conditional on this term still holding the lock. Call it when leadership was gained; it
     * captures the lock node this instance leads with, and each write is one ZooKeeper transaction
     * that also checks that node. Once the term is over (the session expired while this process
     * was paused, the lock was closed, or leadership was given up and won again) every write fails
     * with {@link PersisterException.Reason#FENCED} and applies nothing, even if this instance has
     * not yet been told. Reads are not fenced. While the client has no connection to ZooKeeper
     * (when leadership is given up too) every call fails at once with
     * {@link PersisterException.Reason#UNAVAILABLE}, as {@link ZooKeeperClient#requestPersister()}.
     *
     * @throws PersisterException {@link PersisterException.Reason#FENCED} if this instance does not
     *                            lead right now; {@link PersisterException.Reason#UNAVAILABLE} if
     *                            ZooKeeper cannot tell
     */
    Persister termPersister();

    /** @return the candidate id of the current leader, if there is one and ZooKeeper answers */
    Optional<String> leaderId();

    /** Leaves the election (telling the listener if this instance led); idempotent. */
    @Override
    void close();
}
