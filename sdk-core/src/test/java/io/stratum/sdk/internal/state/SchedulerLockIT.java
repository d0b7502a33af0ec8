package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two schedulers of one service on one ZooKeeper: one leads, the other stands by and takes over. */
class SchedulerLockIT {
    @RegisterExtension
    static final ZooKeeperExtension ZK = new ZooKeeperExtension();
    private static final Duration TAKEOVER = Duration.ofSeconds(15);

    private final String service = ZooKeeperExtension.uniqueService();

    /** Remembers what a lock was told. */
    static final class Events implements LeadershipListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void leadershipAcquired() {
            seen.add("acquired");
        }

        @Override
        public void leadershipLost() {
            seen.add("lost");
        }
    }

    @Test
    void theStandbyTakesOverWhenTheLeaderClosesItsLock() throws InterruptedException {
        Events first = new Events();
        Events second = new Events();
        SchedulerLock leader = ZK.client(service).schedulerLock("scheduler-a", first);
        leader.start();
        assertThat(leader.awaitLeadership(TAKEOVER)).isTrue();
        SchedulerLock standby = ZK.client(service).schedulerLock("scheduler-b", second);
        standby.start();

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !standby.isLeader());
        assertThat(standby.leaderId()).contains("scheduler-a");
        assertThat(second.seen).isEmpty();

        leader.close();
        assertThat(standby.awaitLeadership(TAKEOVER)).isTrue();
        await().atMost(TAKEOVER).until(() -> second.seen.equals(List.of("acquired")));
        assertThat(first.seen).containsExactly("acquired", "lost");
        assertThat(standby.leaderId()).contains("scheduler-b");
    }

    @Test
    void theStandbyTakesOverWhenTheLeaderDies() throws InterruptedException {
        ZooKeeperClient leaderClient = ZK.client(service);
        SchedulerLock leader = leaderClient.schedulerLock("scheduler-a", new Events());
        leader.start();
        assertThat(leader.awaitLeadership(TAKEOVER)).isTrue();
        SchedulerLock standby = ZK.client(service).schedulerLock("scheduler-b", new Events());
        standby.start();

        leaderClient.close();
        assertThat(standby.awaitLeadership(TAKEOVER)).isTrue();
    }

    @Test
    void theStandbyTakesOverWhenTheLeadersSessionExpires() throws Exception {
        Events first = new Events();
        Events second = new Events();
        ZooKeeperClient leaderClient = ZK.client(service);
        SchedulerLock leader = leaderClient.schedulerLock("scheduler-a", first);
        leader.start();
        assertThat(leader.awaitLeadership(TAKEOVER)).isTrue();
        SchedulerLock standby = ZK.client(service).schedulerLock("scheduler-b", second);
        standby.start();

        ZK.expireSession(leaderClient);

        await().atMost(TAKEOVER).until(standby::isLeader);
        await().atMost(TAKEOVER).until(() -> first.seen.contains("lost"));
        assertThat(second.seen).containsExactly("acquired");
        // the old leader reconnects with a new session, and waits as the standby now
        await().during(Duration.ofMillis(500)).atMost(TAKEOVER).until(() -> !leader.isLeader());
        assertThat(leaderClient.persister().exists("/")).isTrue();
    }

    @Test
    void lockNodesOfOtherSessionsCreatedBeforeAnInstantAreDeletedAndTheNextCandidateLeads() throws Exception {
        SchedulerLock dead = ZK.client(service).schedulerLock("dead", new Events());
        dead.start();
        assertThat(dead.awaitLeadership(TAKEOVER)).isTrue();
        Instant cut = Instant.now().plusMillis(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(cut));
        SchedulerLock standby = ZK.client(service).schedulerLock("standby", new Events());
        standby.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> standby.leaderId().equals(java.util.Optional.of("dead")));

        ZooKeeperClient next = ZK.client(service);
        assertThat(next.deleteLockNodesCreatedBefore(cut)).as("only the node created before the cut").isEqualTo(1);
        assertThat(standby.awaitLeadership(TAKEOVER)).as("the candidate after it leads").isTrue();
        assertThat(next.deleteLockNodesCreatedBefore(cut)).isZero();
        assertThatThrownBy(() -> dead.termPersister().set("/x", new byte[0])).as("the deleted node's holder is fenced")
                .isInstanceOf(PersisterException.class);
    }
}
