package io.stratum.benchmarks;

import io.stratum.sdk.backend.sim.SimCluster.Decline;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import io.stratum.sdk.internal.state.ZooKeeperClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A real ZooKeeper store holding 10,000 running tasks, for {@code restart10000Tasks}: an embedded
 * ZooKeeper server, and a first scheduler that deployed 10,000 instances of a one-task pod (the
 * task 1 cpu, 1 GB, a ROOT volume, a dynamic port, a readiness check; one step per instance, so a
 * plan of 10,000 steps; no placement constraint) on 2,000 agents in a parallel phase, over that
 * ZooKeeper, until the deploy plan was COMPLETE: the store holds real task records, the config and
 * the plan's progress (a header and 100 parts of 100 steps).
 *
 * <p>A shot is a scheduler restart: a new {@link ZooKeeperClient} (nothing cached), a new
 * scheduler, {@code start}, and the registration and reconciliation answers delivered. After each
 * shot, outside the timing, one offer round must find the plan COMPLETE and launch nothing, and
 * its declines must carry the long refuse time of a scheduler with no work (a scheduler still
 * reconciling declines for 5 s). At the end of the trial the heap the last scheduler holds is
 * measured and printed.
 */
@State(Scope.Benchmark)
public class RestartFixture {
    static final int PODS = 10_000;
    static final int TASKS_PER_POD = 1;
    static final int TASKS = PODS * TASKS_PER_POD;
    static final int AGENTS = 2_000;
    private static final String SERVICE = "bench";

    private final ServiceSpec spec = BenchServices.pods(PODS, TASKS_PER_POD, "parallel", "");
    private final List<ZooKeeperClient> clients = new ArrayList<>();
    private Path dir;
    private EmbeddedZooKeeper zookeeper;
    private SimDeployment deployment;

    @Setup(Level.Trial)
    public void deployTenThousandTasks() throws IOException {
        dir = Files.createTempDirectory("stratum-bench-zk");
        zookeeper = EmbeddedZooKeeper.builder(dir).build().start();
        deployment = new SimDeployment(AGENTS);
        long start = System.nanoTime();
        deployment.start(spec, client().persister());
        deployment.deployUntilComplete(20);
        deployment.checkAllRunning(TASKS, false);
        System.out.printf("%nsetup: %,d tasks (%,d pods of %d) deployed over ZooKeeper in %d offer rounds, %,d ms%n",
                TASKS, PODS, TASKS_PER_POD, deployment.rounds(), Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /** The measured shot: a scheduler restart over the stored state, until it is ready to schedule. */
    ServiceScheduler restart() {
        return deployment.start(spec, client().persister());
    }

    @TearDown(Level.Invocation)
    public void checkReadyAndIdle() {
        if (!deployment.deployComplete()) {
            throw new IllegalStateException("after restart the deploy plan is " + deployment.scheduler().plans().get("deploy"));
        }
        if (deployment.scheduler().tasks().size() != TASKS) {
            throw new IllegalStateException("the restarted scheduler knows " + deployment.scheduler().tasks().size() + " tasks");
        }
        int launched = deployment.cluster().launched().size();
        int declined = deployment.cluster().declines().size();
        deployment.offerRound();
        if (deployment.cluster().launched().size() != launched) {
            throw new IllegalStateException("a restart launched " + (deployment.cluster().launched().size() - launched)
                    + " tasks again");
        }
        List<Decline> declines = deployment.cluster().declines();
        Duration shortest = declines.subList(declined, declines.size()).stream().map(Decline::refuseFor)
                .min(Comparator.naturalOrder()).orElse(Duration.ZERO);
        if (declines.size() == declined || shortest.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalStateException("offers after the restart were not declined as by an idle scheduler: "
                    + (declines.size() - declined) + " declines, shortest refuse " + shortest);
        }
        closeClients();
    }

    @TearDown(Level.Trial)
    public void reportHeapAndStop() throws IOException {
        HeapFigure.report("restart10000Tasks: heap held by a scheduler with " + TASKS + " tasks",
                deployment::forgetScheduler);
        clients.forEach(ZooKeeperClient::close);
        clients.clear();
        deployment = null;
        zookeeper.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private ZooKeeperClient client() {
        ZooKeeperClient client = ZooKeeperClient.builder(zookeeper.connectString(), SERVICE).build();
        client.start();
        clients.add(client);
        return client;
    }

    /** Closes every client but the last: the scheduler in use keeps its own. */
    private void closeClients() {
        while (clients.size() > 1) {
            clients.remove(0).close();
        }
    }
}
