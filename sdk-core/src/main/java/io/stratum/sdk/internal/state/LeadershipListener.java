package io.stratum.sdk.internal.state;

/**
 * Told when a {@link SchedulerLock} gains or loses leadership. Calls come one at a time, in order,
 * on a thread of the lock's own; they may block briefly but should hand long work to another thread.
 * A scheduler must stop acting as soon as {@link #leadershipLost()} is called: another instance may
 * already be the leader.
 */
public interface LeadershipListener {

    /** This instance is now the leader of its service. */
    void leadershipAcquired();

    /**
     * This instance is no longer the leader: its session was suspended or expired, or the lock was
     * closed. It may become leader again later (and is then told so).
     */
    void leadershipLost();
}
