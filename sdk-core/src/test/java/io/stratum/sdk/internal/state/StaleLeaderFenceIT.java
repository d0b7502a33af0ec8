package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The write fence of a term of leadership: a scheduler whose lock was taken away (its session
 * expired, as after a SIGSTOP or a GC pause longer than the session) but which acts on before
 * Curator tells it, as its loop can in that window. Its next write must fail and apply nothing, and
 * since launches are stored before they are sent, nothing must be launched. Deterministic: the
 * schedulers run on simulated clusters, driven by the test; only ZooKeeper is real.
 *
 * <p>Before the fence (a term writing through the client's plain persister) the stale scheduler
 * stored its launch over the new leader's state and launched {@code hello-1}.
 */
class StaleLeaderFenceIT {
    @RegisterExtension
    static final ZooKeeperExtension ZK = new ZooKeeperExtension();
    private static final Duration TAKEOVER = Duration.ofSeconds(15);
    private static final String SPEC = """
            name: fenced
            pods:
              hello:
                count: 2
                tasks:
                  server:
                    cmd: serve
                    cpus: 0.5
                    memory: 128
                    volume: {path: data, type: ROOT, size: 64}
                    readiness-check: {cmd: ready}
            """;

    private final String service = ZooKeeperExtension.uniqueService();

    @Test
    void aTermWhoseLockWasTakenAwayWritesNothingAndLaunchesNothing() throws Exception {
        ZooKeeperClient oldClient = ZK.client(service);
        SchedulerLock oldLock = oldClient.schedulerLock("old", new SchedulerLockIT.Events());
        oldLock.start();
        assertThat(oldLock.awaitLeadership(TAKEOVER)).isTrue();
        SimCluster cluster = SimCluster.builder().agents(2, a -> a.cpus(4).mem(4096).disk(4096)).build();
        Term old = new Term(cluster, oldLock.termPersister());
        old.runUntil(() -> old.status(0) == Status.COMPLETE);
        assertThat(old.cluster.launched()).as("launched while leading").extracting(TaskLaunch::fullName)
                .containsExactly("hello-0-server");
        assertThat(old.failures).isEmpty();

        ZooKeeperClient newClient = ZK.client(service);
        SchedulerLock newLock = newClient.schedulerLock("new", new SchedulerLockIT.Events());
        newLock.start();
        ZK.expireSession(oldClient);
        assertThat(newLock.awaitLeadership(TAKEOVER)).as("the standby took over").isTrue();
        // Its client reconnected (with a new session), so its writes reach ZooKeeper: while it had no
        // connection they failed at once, UNAVAILABLE, which stops a launch as well.
        await("the old client connected again").atMost(TAKEOVER).until(((CuratorClient) oldClient)::connected);

        // The old scheduler acts on, as a paused one does before it hears that its session expired:
        // hello-1 is its next step, and an offer is enough to launch it.
        old.cluster.sendOffers(true);
        old.cluster.deliver();
        assertThat(old.cluster.launched()).as("nothing launched by the stale term").extracting(TaskLaunch::fullName)
                .containsExactly("hello-0-server");
        assertThat(old.failures).as("its write failed").isNotEmpty()
                .allMatch(e -> e.reason() == PersisterException.Reason.FENCED);
        assertThat(StateStore.of(newClient.persister()).fetchTasks()).as("nothing stored by the stale term")
                .extracting(TaskRecord::name).containsExactly("hello-0-server");
        assertThatThrownBy(() -> old.persister.set("/probe", "stale".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PersisterException.class,
                        e -> assertThat(e.reason()).isEqualTo(PersisterException.Reason.FENCED));
        assertThat(newClient.persister().exists("/probe")).isFalse();

        // The new leader's term, on the same cluster, writes and finishes the deploy over the stored
        // state: hello-0 adopted, hello-1 launched once.
        Term next = new Term(cluster, newLock.termPersister());
        next.runUntil(() -> next.status(1) == Status.COMPLETE);
        assertThat(next.failures).isEmpty();
        assertThat(cluster.launched()).extracting(TaskLaunch::fullName).containsExactly("hello-0-server", "hello-1-server");
    }

    @Test
    void leadershipLostAndWonAgainFencesTheOldTermButNotTheNewOne() throws Exception {
        ZooKeeperClient client = ZK.client(service);
        SchedulerLock lock = client.schedulerLock("only", new SchedulerLockIT.Events());
        lock.start();
        assertThat(lock.awaitLeadership(TAKEOVER)).isTrue();
        Persister first = lock.termPersister();
        first.set("/first", new byte[] {1});

        ZK.expireSession(client);
        // the lock re-joins the election on the new session and, alone, leads again
        await().atMost(TAKEOVER).ignoreExceptions().until(() -> {
            lock.termPersister();
            return true;
        });
        Persister second = lock.termPersister();
        assertThatThrownBy(() -> first.set("/first", new byte[] {2})).isInstanceOfSatisfying(PersisterException.class,
                e -> assertThat(e.reason()).isEqualTo(PersisterException.Reason.FENCED));
        second.set("/second", new byte[] {3});
        assertThat(client.persister().get("/first")).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
        assertThat(client.persister().get("/second")).isPresent();
    }

    @Test
    void aStandbyGetsNoTermPersister() throws Exception {
        SchedulerLock leader = ZK.client(service).schedulerLock("leader", new SchedulerLockIT.Events());
        leader.start();
        assertThat(leader.awaitLeadership(TAKEOVER)).isTrue();
        SchedulerLock standby = ZK.client(service).schedulerLock("standby", new SchedulerLockIT.Events());
        standby.start();
        assertThatThrownBy(standby::termPersister).isInstanceOfSatisfying(PersisterException.class,
                e -> assertThat(e.reason()).isEqualTo(PersisterException.Reason.FENCED));
    }

    /** A scheduler on a simulated cluster of its own, over a term's persister, driven by the test. */
    private static final class Term {
        final SimCluster cluster;
        final Persister persister;
        final ServiceScheduler scheduler;
        /** What the scheduler's events threw, as its loop would log them and go on. */
        final List<PersisterException> failures = new CopyOnWriteArrayList<>();

        Term(SimCluster cluster, Persister persister) throws Exception {
            this.cluster = cluster;
            this.persister = persister;
            ServiceSpec spec = SpecLoader.builder().build().load("svc.yml", SPEC, Path.of("."));
            scheduler = ServiceScheduler.builder().withBackend(cluster).withPersister(persister)
                    .withClock(cluster.clock()).withEvaluator(OfferEvaluator.builder().build()).build();
            scheduler.start(spec, new Logging(scheduler.directListener(), failures));
            cluster.deliver();
        }

        Status status(int step) {
            return scheduler.plans().get("deploy").steps().get(step).status();
        }

        /** Drives the cluster a simulated second at a time until {@code done} (at most a minute of it). */
        void runUntil(java.util.function.BooleanSupplier done) {
            for (int round = 0; round < 60 && !done.getAsBoolean(); round++) {
                cluster.advance(Duration.ofSeconds(1));
                scheduler.tick();
                cluster.deliver();
                if (done.getAsBoolean()) {
                    break;
                }
                cluster.sendOffers(true);
                cluster.deliver();
            }
            Map<String, Status> steps = scheduler.plans().get("deploy").steps().stream()
                    .collect(Collectors.toMap(s -> s.podInstance().name(), Step::status));
            assertThat(done.getAsBoolean()).as("steps %s, pending %s", steps, scheduler.explanations()).isTrue();
        }
    }

    /** Hands events to the scheduler; a failure is kept, as the scheduler loop logs it and goes on. */
    private record Logging(BackendListener target, List<PersisterException> failures) implements BackendListener {
        private void handle(Runnable event) {
            try {
                event.run();
            } catch (PersisterException e) {
                failures.add(e);
            }
        }

        @Override
        public void registered(String frameworkId) {
            handle(() -> target.registered(frameworkId));
        }

        @Override
        public void offers(List<Offer> offers) {
            handle(() -> target.offers(offers));
        }

        @Override
        public void rescinded(String offerId) {
            handle(() -> target.rescinded(offerId));
        }

        @Override
        public void statusUpdate(TaskStatusUpdate update) {
            handle(() -> target.statusUpdate(update));
        }

        @Override
        public void agentLost(String agentId) {
            handle(() -> target.agentLost(agentId));
        }
    }
}
