package io.stratum.benchmarks;

import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.backend.sim.SimTask;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.backend.TaskState;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The real {@link ServiceScheduler} on a {@link SimCluster} of identical agents (16 cpus, 64 GB,
 * 100 GB disk, ports 10000-20000), driven as the test harness drives it: each offer round moves
 * the clock one second, ticks the scheduler, and sends every agent's offer, delivering the events
 * each step causes. Not thread-safe.
 */
final class SimDeployment {
    private final SimCluster cluster;
    private ServiceScheduler scheduler;
    private int rounds;

    SimDeployment(int agents) {
        cluster = SimCluster.builder()
                .agents(agents, a -> a.cpus(16).mem(65_536).disk(100_000).ports(10_000, 20_000)).build();
    }

    SimCluster cluster() {
        return cluster;
    }

    ServiceScheduler scheduler() {
        return scheduler;
    }

    /** @return the offer rounds run so far */
    int rounds() {
        return rounds;
    }

    /** Builds a new scheduler over {@code persister}, starts it with {@code spec} and delivers registration and reconciliation. */
    ServiceScheduler start(ServiceSpec spec, Persister persister) {
        scheduler = ServiceScheduler.builder().withBackend(cluster).withPersister(persister).withClock(cluster.clock())
                .withEvaluator(OfferEvaluator.builder().build()).build();
        scheduler.start(spec, scheduler.directListener());
        cluster.deliver();
        return scheduler;
    }

    /** Offer rounds until the deploy plan is COMPLETE; fails after {@code maxRounds}. */
    void deployUntilComplete(int maxRounds) {
        while (!deployComplete()) {
            if (rounds >= maxRounds) {
                throw new IllegalStateException("deploy not COMPLETE after " + rounds + " offer rounds: "
                        + scheduler.plans().get("deploy") + ", " + cluster.liveTasks().size() + " live tasks");
            }
            offerRound();
        }
    }

    /** One second passes, the scheduler ticks, every agent offers, and everything that follows is delivered. */
    void offerRound() {
        cluster.advance(Duration.ofSeconds(1));
        scheduler.tick();
        cluster.deliver();
        cluster.sendOffers(true);
        cluster.deliver();
        rounds++;
    }

    /**
     * Drops every reference to the scheduler, the cluster's included (its listener): the cluster
     * is closed and can't be used again.
     */
    void forgetScheduler() {
        cluster.close();
        scheduler = null;
    }

    boolean deployComplete() {
        return scheduler.plans().get("deploy").isComplete();
    }

    /**
     * Fails unless exactly {@code expected} tasks live on the cluster, all RUNNING, each launched
     * once, the scheduler knows them all, and (with {@code uniqueHosts}) no two share an agent.
     */
    void checkAllRunning(int expected, boolean uniqueHosts) {
        if (!deployComplete()) {
            throw new IllegalStateException("deploy plan is " + scheduler.plans().get("deploy").status());
        }
        List<SimTask> live = cluster.liveTasks();
        long running = live.stream().filter(t -> t.state() == TaskState.RUNNING).count();
        if (live.size() != expected || running != expected) {
            throw new IllegalStateException("expected " + expected + " RUNNING tasks, found " + live.size()
                    + " live of which " + running + " RUNNING");
        }
        if (cluster.launched().size() != expected) {
            throw new IllegalStateException("expected " + expected + " launches, found " + cluster.launched().size());
        }
        if (scheduler.tasks().size() != expected) {
            throw new IllegalStateException("the scheduler knows " + scheduler.tasks().size() + " tasks, not " + expected);
        }
        if (uniqueHosts) {
            Set<String> agents = new HashSet<>();
            for (SimTask task : live) {
                if (!agents.add(task.agentId())) {
                    throw new IllegalStateException("hostname:UNIQUE broken on agent " + task.agentId());
                }
            }
        }
    }
}
