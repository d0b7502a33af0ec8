package io.stratum.sdk.internal.scheduler.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import io.stratum.sdk.internal.state.ZooKeeperClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler is killed after every single event of a deploy (so at every step boundary), or in
 * the middle of every accept (its launch stored, the accept never sent), and a new one starts over
 * the same ZooKeeper state; the deploy still completes, and no reservation, volume or launch is
 * ever duplicated.
 */
class KillAtEveryBoundaryIT {
    private static final String SPEC = """
            name: crash-test
            pods:
              hello:
                count: 2
                placement: hostname:UNIQUE
                tasks:
                  server:
                    cmd: serve
                    cpus: 0.5
                    memory: 256
                    volume: {path: data, type: ROOT, size: 512}
                    ports: {http: {port: 0}}
                    readiness-check: {cmd: ready}
              world:
                count: 2
                tasks:
                  server: {cmd: serve, cpus: 0.5, memory: 128}
                  init: {cmd: init, cpus: 0.1, memory: 32, goal: ONCE}
            plans:
              deploy:
                phases:
                  hello-deploy: {pod: hello, strategy: serial}
                  world-deploy:
                    pod: world
                    strategy: parallel
                    steps: [{default: [[init], [server]]}]
            """;

    @TempDir
    static Path dir;
    private static EmbeddedZooKeeper zookeeper;

    @BeforeAll
    static void startZooKeeper() {
        zookeeper = EmbeddedZooKeeper.builder(dir).build().start();
    }

    @AfterAll
    static void stopZooKeeper() {
        zookeeper.close();
    }

    @Test
    void killingTheSchedulerAfterAnyEventNeverDuplicatesAndTheDeployCompletes() throws Exception {
        int total = eventsOfAnUninterruptedDeploy();
        assertThat(total).isGreaterThan(10);
        System.out.println("crash-at-every-boundary: " + total + " boundaries");
        for (int crashAfter = 1; crashAfter <= total; crashAfter++) {
            Run run = new Run("crash-" + crashAfter);
            run.deploy(crashAfter);
            run.assertNothingDuplicated("crash after event " + crashAfter + " of " + total);
            run.close();
        }
    }

    @Test
    void killingTheSchedulerBetweenStoringALaunchAndSendingItNeverStallsTheDeploy() throws Exception {
        Run uninterrupted = new Run("accepts");
        uninterrupted.deploy(Integer.MAX_VALUE);
        int accepts = uninterrupted.gate.accepts();
        uninterrupted.close();
        assertThat(accepts).isGreaterThan(3);
        for (int crashAt = 1; crashAt <= accepts; crashAt++) {
            Run run = new Run("crash-in-accept-" + crashAt);
            run.deploy(Integer.MAX_VALUE, crashAt);
            run.assertNothingDuplicated("crash in accept " + crashAt + " of " + accepts);
            run.close();
        }
    }

    private int eventsOfAnUninterruptedDeploy() throws Exception {
        Run run = new Run("uninterrupted");
        int events = run.deploy(Integer.MAX_VALUE);
        run.assertNothingDuplicated("uninterrupted");
        run.close();
        return events;
    }

    /** One service (its own ZooKeeper namespace) on its own simulated cluster. */
    private static final class Run implements AutoCloseable {
        private final ServiceSpec spec = SpecLoader.builder().build().load("svc.yml", SPEC, Path.of("."));
        private final SimCluster cluster = SimCluster.builder()
                .agents(3, a -> a.cpus(4).mem(8192).disk(16_384).ports(10_000, 11_000)).build();
        private final InstantSource clock = cluster.clock();
        private final ZooKeeperClient zk;
        private ServiceScheduler scheduler;
        private CrashingListener listener;
        private CrashingBackend gate;
        private int handled;

        Run(String service) throws Exception {
            zk = ZooKeeperClient.builder(zookeeper.connectString(), service).build();
            zk.start();
        }

        /** Deploys, crashing once after {@code crashAfter} events; returns the events handled in all. */
        int deploy(int crashAfter) {
            return deploy(crashAfter, Integer.MAX_VALUE);
        }

        /** Deploys, crashing once after {@code crashAfter} events or in the {@code crashInAccept}-th accept. */
        int deploy(int crashAfter, int crashInAccept) {
            start(crashAfter, crashInAccept);
            for (int round = 0; round < 60 && !scheduler.plans().get("deploy").isComplete(); round++) {
                if (listener.crashed()) {
                    start(Integer.MAX_VALUE, Integer.MAX_VALUE);
                }
                cluster.advance(Duration.ofSeconds(1));
                scheduler.tick();
                cluster.deliver();
                cluster.sendOffers(true);
                cluster.deliver();
            }
            assertThat(scheduler.plans().get("deploy").isComplete())
                    .as("deploy complete (crash after " + crashAfter + " events, in accept " + crashInAccept
                            + "); pending: " + scheduler.explanations() + "; tasks: " + scheduler.tasks()).isTrue();
            return handled;
        }

        private void start(int events, int crashInAccept) {
            CrashingListener[] self = new CrashingListener[1];
            gate = new CrashingBackend(cluster, crashInAccept, () -> self[0].crashNow());
            scheduler = ServiceScheduler.builder().withBackend(gate).withPersister(zk.persister())
                    .withClock(clock).withEvaluator(OfferEvaluator.builder().build()).build();
            BackendCounter counter = new BackendCounter(scheduler.directListener(), () -> handled++);
            listener = new CrashingListener(counter, events);
            self[0] = listener;
            scheduler.start(spec, listener);
            cluster.deliver();
        }

        void assertNothingDuplicated(String when) {
            Map<String, Long> launches = cluster.launched().stream()
                    .collect(Collectors.groupingBy(TaskLaunch::fullName, Collectors.counting()));
            assertThat(launches).as(when + ": launches per task").containsOnly(
                    Map.entry("hello-0-server", 1L), Map.entry("hello-1-server", 1L),
                    Map.entry("world-0-init", 1L), Map.entry("world-0-server", 1L),
                    Map.entry("world-1-init", 1L), Map.entry("world-1-server", 1L));
            List<Resource> volumes = cluster.agents().stream().flatMap(a -> cluster.volumes(a.id()).stream()).toList();
            assertThat(volumes).as(when + ": volumes").hasSize(2);
            Map<String, Long> reservationsPerPod = cluster.agents().stream()
                    .flatMap(a -> cluster.reservations(a.id()).stream())
                    .collect(Collectors.groupingBy(r -> r.reservation().orElseThrow().label("pod_instance").orElse("?"),
                            Collectors.counting()));
            assertThat(reservationsPerPod.keySet()).as(when + ": reserved pod instances")
                    .containsExactlyInAnyOrder("hello-0", "hello-1", "world-0", "world-1");
            Map<String, Long> ids = cluster.agents().stream().flatMap(a -> cluster.reservations(a.id()).stream())
                    .collect(Collectors.groupingBy(r -> r.resourceId().orElseThrow(), Collectors.counting()));
            assertThat(ids.values()).as(when + ": each reservation id once").allMatch(n -> n == 1);
            assertThat(reservationsPerPod.get("hello-0")).as(when + ": hello-0 reservations")
                    .isEqualTo(reservationsPerPod.get("hello-1"));
            assertThat(reservationsPerPod.get("world-0")).as(when + ": world-0 reservations")
                    .isEqualTo(reservationsPerPod.get("world-1"));
        }

        @Override
        public void close() {
            zk.close();
        }
    }

    /** Counts events handed to the scheduler. */
    private record BackendCounter(io.stratum.sdk.backend.BackendListener target, Runnable count)
            implements io.stratum.sdk.backend.BackendListener {
        @Override
        public void registered(String frameworkId) {
            count.run();
            target.registered(frameworkId);
        }

        @Override
        public void offers(List<io.stratum.sdk.backend.Offer> offers) {
            count.run();
            target.offers(offers);
        }

        @Override
        public void rescinded(String offerId) {
            count.run();
            target.rescinded(offerId);
        }

        @Override
        public void statusUpdate(io.stratum.sdk.backend.TaskStatusUpdate update) {
            count.run();
            target.statusUpdate(update);
        }

        @Override
        public void agentLost(String agentId) {
            count.run();
            target.agentLost(agentId);
        }
    }
}
