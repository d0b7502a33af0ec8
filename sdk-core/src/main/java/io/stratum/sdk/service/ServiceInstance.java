package io.stratum.sdk.service;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.internal.http.ApiServer;
import io.stratum.sdk.internal.http.SchedulerApi;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.scheduler.SchedulerLoop;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.internal.state.LeadershipListener;
import io.stratum.sdk.internal.state.PropertyStore;
import io.stratum.sdk.internal.state.SchedulerLock;
import io.stratum.sdk.internal.state.ZooKeeperClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * One service's scheduler on a {@link Cluster}: its state namespace, its lock (a second instance
 * waits as a hot standby), its backend, the scheduler and its loop, and its API routes. Everything
 * it opens is owned by the cluster and closed with it.
 */
final class ServiceInstance {
    private final Service service;
    private final CountDownLatch leadershipLost = new CountDownLatch(1);
    private ServiceScheduler scheduler;

    private ServiceInstance(Service service) {
        this.service = service;
    }

    /**
     * Waits for the service's lock, then starts its scheduler on {@code backend} and adds its routes
     * to {@code api}.
     *
     * @param out where waiting for the lock is explained
     */
    static ServiceInstance start(Service service, Cluster cluster, BackendFactory.Prepared backend, ApiServer.Builder api,
            PrintWriter out) throws Exception {
        ServiceInstance instance = new ServiceInstance(service);
        ZooKeeperClient zk = cluster.connect(service.spec().name());
        instance.lead(zk, cluster, out);
        ServiceScheduler scheduler = instance.scheduler(cluster.backend(backend), zk);
        SchedulerLoop loop = new SchedulerLoop(scheduler, Duration.ofSeconds(1));
        cluster.own(loop);
        loop.start(service.spec());
        // The spec this run was given was refused against the stored target, which stays: say why.
        scheduler.lastRefused().ifPresent(refusal -> {
            out.println("the spec was refused; the stored target stays:");
            refusal.errors().forEach(error -> out.println("  " + error));
            out.flush();
        });
        new SchedulerApi(scheduler, loop, PropertyStore.of(zk.persister()), cluster.artifacts()).routes(api);
        service.endpoints().forEach((path, handler) -> api.route("GET", path, handler));
        return instance;
    }

    private void lead(ZooKeeperClient zk, Cluster cluster, PrintWriter out) throws Exception {
        SchedulerLock lock = zk.schedulerLock(UUID.randomUUID().toString(), new LeadershipListener() {
            @Override
            public void leadershipAcquired() {}

            @Override
            public void leadershipLost() {
                leadershipLost.countDown();
            }
        });
        lock.start();
        cluster.own(lock);
        if (!lock.awaitLeadership(Duration.ofSeconds(2))) {
            out.println(cluster.embedded()
                    ? "a previous scheduler of this work dir still holds the lock (killed?): waiting up to "
                            + Cluster.EMBEDDED_SESSION_TIMEOUT.toSeconds() + " s for its session to expire"
                    : "another scheduler runs this service (" + lock.leaderId().orElse("?") + "): waiting as standby");
            out.flush();
            while (!lock.awaitLeadership(Duration.ofSeconds(5))) {
                // keep waiting: the standby takes over when the leader dies
            }
            out.println("took over as the active scheduler");
        }
    }

    /** The one place a service's scheduler is put together from the framework's parts. */
    private ServiceScheduler scheduler(ClusterBackend backend, ZooKeeperClient zk) {
        scheduler = ServiceScheduler.builder().withBackend(backend).withPersister(zk.persister())
                .withFramework(service.spec(), service.configValidators(), service.placementRules())
                .withPlanCustomizer(service.planCustomizer()).build();
        return scheduler;
    }

    /** @return the deploy plan now */
    Plan deployPlan() {
        return scheduler.plans().get(scheduler.deploymentPlanName());
    }

    /** Waits until another scheduler took the service's lock. */
    void awaitLeadershipLost() throws InterruptedException {
        leadershipLost.await();
    }

    /** Counts as a loss of leadership, so that {@link #awaitLeadershipLost} returns (on close). */
    void release() {
        leadershipLost.countDown();
    }
}
