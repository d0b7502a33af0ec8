package io.stratum.sdk.service;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.internal.http.ApiServer;
import io.stratum.sdk.internal.http.FrameworkRoutes;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One service's scheduler on a {@link Cluster}: its state namespace, its lock (a second instance
 * waits as a hot standby), and, for each term of leadership, a backend, the scheduler and its loop;
 * its API routes follow the current term. Losing the lock (a ZooKeeper session that expired while
 * the process was paused, a quorum lost for longer than the session) ends the term at once: the
 * loop stops and the backend is closed, leaving the tasks running; the lock stays in the election,
 * and when this instance leads again a new term starts over the stored state, as a restarted
 * scheduler would (re-adopting the tasks). Another instance may win instead. Every write of a
 * term is fenced by the lock node it was won with ({@code SchedulerLock.termPersister}), so a
 * term whose leadership ended before it was told fails its next write and launches nothing.
 * Closed with the cluster.
 */
final class ServiceInstance implements AutoCloseable {
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final Service service;
    private final Cluster cluster;
    private final BackendFactory.Prepared backends;
    private final ZooKeeperClient zk;
    private final PrintWriter out;
    private final ScheduledExecutorService terms;
    private SchedulerLock lock;
    private Term term;
    private volatile Term last;
    private boolean closed;

    /** One term of leadership: what acts for the service while this instance leads. */
    private record Term(ClusterBackend backend, ServiceScheduler scheduler, SchedulerLoop loop) implements AutoCloseable {
        @Override
        public void close() {
            loop.close(); // first: no event is handled once the term is over
            backend.close(); // the tasks keep running
        }
    }

    private ServiceInstance(Service service, Cluster cluster, BackendFactory.Prepared backends, ZooKeeperClient zk,
            PrintWriter out) {
        this.service = service;
        this.cluster = cluster;
        this.backends = backends;
        this.zk = zk;
        this.out = out;
        this.terms = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stratum-terms " + service.spec().name());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Waits for the service's lock, then starts its first term and adds its routes to {@code api}.
     *
     * @param out where waiting for the lock, and later losing and regaining it, is explained
     * @throws Exception if the first term cannot start (the target's plans fail, say)
     */
    static ServiceInstance start(Service service, Cluster cluster, BackendFactory.Prepared backend, ApiServer.Builder api,
            PrintWriter out) throws Exception {
        ZooKeeperClient zk = cluster.connect(service.spec().name());
        ServiceInstance instance = new ServiceInstance(service, cluster, backend, zk, out);
        cluster.own(instance);
        instance.lead();
        instance.startTerm();
        // The spec this run was given was refused against the stored target, which stays: say why.
        instance.last.scheduler().lastRefused().ifPresent(refusal -> {
            instance.println("the spec was refused; the stored target stays:");
            refusal.errors().forEach(error -> instance.println("  " + error));
        });
        new SchedulerApi(() -> instance.last.scheduler(), () -> instance.last.loop(), PropertyStore.of(zk.requestPersister()),
                cluster.artifacts()).routes(api);
        new FrameworkRoutes(service.endpoints(), () -> instance.last.scheduler()).register(api);
        return instance;
    }

    private void lead() throws InterruptedException {
        lock = zk.schedulerLock(UUID.randomUUID().toString(), new LeadershipListener() {
            @Override
            public void leadershipAcquired() {
                terms.execute(ServiceInstance.this::resume);
            }

            @Override
            public void leadershipLost() {
                // At once, on the lock's thread: nothing may act for the service from now on.
                stopTerm();
            }
        });
        if (cluster.releaseLocksOfGoneProcesses(zk) > 0) {
            println("released the lock of a previous scheduler of this work dir (gone: the work dir was not locked)");
        }
        lock.start();
        if (!lock.awaitLeadership(Duration.ofSeconds(2))) {
            println(cluster.embedded()
                    ? "a previous scheduler of this work dir still holds the lock (killed?): waiting up to "
                            + Cluster.EMBEDDED_SESSION_TIMEOUT.toSeconds() + " s for its session to expire"
                    : "another scheduler runs this service (" + lock.leaderId().orElse("?") + "): waiting as standby");
            while (!lock.awaitLeadership(Duration.ofSeconds(5))) {
                // keep waiting: the standby takes over when the leader dies
            }
            println("took over as the active scheduler");
        }
    }

    /** Starts a term: a new backend, a scheduler over the stored state, its loop. */
    private synchronized void startTerm() throws Exception {
        if (closed || term != null) {
            return;
        }
        ClusterBackend backend = cluster.backend(backends);
        try {
            // Every write of the term is fenced by the lock node it was won with: a term whose
            // leadership ended unnoticed (a pause past the session) fails its next write, and since
            // launches are stored before they are sent, launches nothing either.
            ServiceScheduler scheduler = ServiceScheduler.builder().withBackend(backend).withPersister(lock.termPersister())
                    .withFramework(service.spec(), service.configValidators(), service.placementRules(),
                            service.taskEnvironment().orElse(null))
                    .withZooKeeper(cluster.forTasks(zk))
                    .withPlanCustomizer(service.planCustomizer()).build();
            SchedulerLoop loop = new SchedulerLoop(scheduler, Duration.ofSeconds(1));
            term = new Term(backend, scheduler, loop);
            loop.start(service.spec());
            last = term;
        } catch (Exception | Error e) {
            Term failed = term;
            term = null;
            if (failed != null) {
                failed.close();
            } else {
                backend.close();
            }
            throw e;
        }
    }

    /** Leadership came back (after a loss): a new term, if this instance still leads. */
    private void resume() {
        synchronized (this) {
            if (closed || term != null || last == null || !lock.isLeader()) {
                return; // the first term is started by start(); a loss since then is told again
            }
        }
        try {
            startTerm();
            println("leading again: resumed the scheduler of " + service.spec().name());
        } catch (Exception e) {
            println("could not resume the scheduler (" + e.getMessage() + "): trying again in " + RETRY.toSeconds() + " s");
            terms.schedule(this::resume, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Ends the current term, if any: the loop stops at once, the backend closes, the tasks keep running. */
    private synchronized void stopTerm() {
        if (term == null) {
            return;
        }
        term.close();
        term = null;
        if (!closed) {
            println("lost leadership: stopped acting for " + service.spec().name()
                    + "; waiting to lead again (a standby may take over)");
        }
    }

    private void println(String line) {
        out.println(line);
        out.flush();
    }

    /** @return the deploy plan now (as of the last term, while this instance does not lead) */
    Plan deployPlan() {
        ServiceScheduler scheduler = last.scheduler();
        return scheduler.plans().get(scheduler.deploymentPlanName());
    }

    /** @return whether this instance acts for the service right now */
    synchronized boolean isActive() {
        return term != null;
    }

    /** Ends the term and leaves the election. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        if (lock != null) {
            lock.close();
        }
        stopTerm();
        terms.shutdownNow();
    }
}
