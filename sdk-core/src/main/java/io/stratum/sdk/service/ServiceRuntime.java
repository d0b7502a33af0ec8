package io.stratum.sdk.service;

import io.stratum.sdk.backend.ArtifactStore;
import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.internal.http.ApiServer;
import io.stratum.sdk.internal.http.SchedulerApi;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.scheduler.SchedulerBuilder;
import io.stratum.sdk.internal.scheduler.SchedulerLoop;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import io.stratum.sdk.internal.state.LeadershipListener;
import io.stratum.sdk.internal.state.PropertyStore;
import io.stratum.sdk.internal.state.SchedulerLock;
import io.stratum.sdk.internal.state.ZooKeeperClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything a running service needs, started in order and closed in reverse: ZooKeeper
 * (embedded, with its data in the work dir, unless an external one is given), the state store,
 * the scheduler lock (a second instance waits as a hot standby), the API's socket (bound early, so
 * that its URL is known to the backend), the backend, the scheduler loop and the API server. On
 * Mesos, the API serves the tasks' config files as artifacts, at {@code --api-url}. Closing leaves
 * the service's tasks running: the next start takes over.
 */
public final class ServiceRuntime implements AutoCloseable {
    /** The session timeout with the embedded ZooKeeper (the server's minimum is 2 ticks, 4 s). */
    static final Duration EMBEDDED_SESSION_TIMEOUT = Duration.ofSeconds(6);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final ServiceSpec spec;
    private final RunOptions options;
    private final PrintWriter out;
    private final CountDownLatch leadershipLost = new CountDownLatch(1);
    private volatile boolean closing;
    private ServiceScheduler scheduler;
    private SchedulerLoop loop;
    private ApiServer api;
    private ZooKeeperClient zk;

    private ServiceRuntime(ServiceSpec spec, RunOptions options, PrintWriter out) {
        this.spec = spec;
        this.options = options;
        this.out = out;
    }

    /**
     * Starts the service and returns once the scheduler runs (after waiting for leadership if
     * another instance holds it).
     *
     * @param out where progress and addresses are printed
     */
    public static ServiceRuntime start(ServiceSpec spec, RunOptions options, BackendFactory backends, PrintWriter out)
            throws Exception {
        return start(spec, options, backends, Extensions.NONE, out);
    }

    static ServiceRuntime start(ServiceSpec spec, RunOptions options, BackendFactory backends, Extensions extensions,
            PrintWriter out) throws Exception {
        ServiceRuntime runtime = new ServiceRuntime(spec, options, out);
        try {
            runtime.startAll(backends, extensions);
            return runtime;
        } catch (Exception | Error e) {
            runtime.close();
            throw e;
        }
    }

    private void startAll(BackendFactory backends, Extensions extensions) throws Exception {
        Files.createDirectories(options.workDir());
        resources.push(WorkDirLock.acquire(options.workDir()));
        String connect = options.zookeeper();
        if (connect == null) {
            EmbeddedZooKeeper embedded = EmbeddedZooKeeper.builder(options.workDir().resolve("zookeeper")).build().start();
            resources.push(embedded);
            connect = embedded.connectString();
            out.println("state: embedded ZooKeeper at " + connect + " (data in " + embedded.dataDir() + ")");
        } else {
            out.println("state: ZooKeeper at " + connect);
        }
        ZooKeeperClient.Builder client = ZooKeeperClient.builder(connect, spec.name());
        if (options.zookeeper() == null) {
            // The embedded server restores the sessions of a scheduler killed with -9 from its data
            // dir, with their lock nodes; the next run waits for that session to expire. Client and
            // server share this JVM, so a short session risks nothing a stall of the JVM would not.
            client.withSessionTimeout(EMBEDDED_SESSION_TIMEOUT);
        }
        zk = client.build();
        zk.start();
        resources.push(zk);
        SchedulerLock lock = zk.schedulerLock(UUID.randomUUID().toString(), new LeadershipListener() {
            @Override
            public void leadershipAcquired() {}

            @Override
            public void leadershipLost() {
                leadershipLost.countDown();
            }
        });
        lock.start();
        resources.push(lock);
        if (!lock.awaitLeadership(Duration.ofSeconds(2))) {
            out.println(options.zookeeper() == null
                    ? "a previous scheduler of this work dir still holds the lock (killed?): waiting up to "
                            + EMBEDDED_SESSION_TIMEOUT.toSeconds() + " s for its session to expire"
                    : "another scheduler runs this service (" + lock.leaderId().orElse("?") + "): waiting as standby");
            out.flush();
            while (!lock.awaitLeadership(Duration.ofSeconds(5))) {
                // keep waiting: the standby takes over when the leader dies
            }
            out.println("took over as the active scheduler");
        }
        ApiServer.Builder server = ApiServer.builder().withAddress(apiAddress()).withPort(options.apiPort())
                .withToken(options.apiToken());
        resources.push(server::unbind);
        URI apiUrl = advertised(bindApi(server));
        ArtifactStore artifacts = new ArtifactStore(apiUrl);
        ClusterBackend backend = (options.mesos() != null ? MesosBackends.factory(extensions.mesos()) : backends).create(spec, options, artifacts);
        if (options.mesos() != null && isLoopback(apiUrl) && spec.pods().values().stream()
                .anyMatch(pod -> pod.tasks().values().stream().anyMatch(task -> !task.configs().isEmpty()))) {
            out.println("warning: agents fetch config files from " + apiUrl + ", a loopback address, which only an agent"
                    + " on this machine reaches: use --api-host 0.0.0.0 (and --api-url) on a cluster");
        }
        resources.push(backend);
        OfferEvaluator.Builder evaluator = OfferEvaluator.builder().withRole(role(spec)).withPrincipal(principal(spec));
        extensions.placementRules().forEach((pod, rules) -> rules.forEach(rule -> evaluator.withPlacementRule(pod, rule)));
        SchedulerBuilder builder = ServiceScheduler.builder().withBackend(backend).withPersister(zk.persister())
                .withEvaluator(evaluator.build()).withPlanCustomizer(extensions.planCustomizer());
        extensions.configValidators().forEach(builder::withConfigValidator);
        scheduler = builder.build();
        loop = new SchedulerLoop(scheduler, Duration.ofSeconds(1));
        resources.push(loop);
        loop.start(spec);
        new SchedulerApi(scheduler, loop, PropertyStore.of(zk.persister()), artifacts).routes(server);
        extensions.endpoints().forEach((path, handler) -> server.route("GET", path, handler));
        api = server.build();
        resources.push(api);
        api.start();
        out.println("api: " + apiUrl + "/v1/plans/deploy");
        out.flush();
    }

    private InetAddress apiAddress() throws IOException {
        try {
            return InetAddress.getByName(options.apiHost());
        } catch (UnknownHostException e) {
            throw new IOException("--api-host " + options.apiHost() + " is not an address of this machine", e);
        }
    }

    private InetSocketAddress bindApi(ApiServer.Builder server) throws IOException {
        try {
            return server.bind();
        } catch (BindException e) {
            throw new IOException("--api-host " + options.apiHost() + " --api-port " + options.apiPort()
                    + ": cannot listen there (" + e.getMessage() + "): pick another port or address", e);
        }
    }

    /** @return {@code --api-url}, or the bound address (this machine's name for a wildcard address) */
    private URI advertised(InetSocketAddress bound) throws UnknownHostException {
        if (options.apiUrl() != null) {
            return options.apiUrl();
        }
        InetAddress address = bound.getAddress();
        String host = address.isAnyLocalAddress() ? InetAddress.getLocalHost().getCanonicalHostName()
                : address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create("http://" + host + ":" + bound.getPort());
    }

    private static boolean isLoopback(URI url) {
        try {
            return InetAddress.getByName(url.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static String role(ServiceSpec spec) {
        return spec.name().replace('/', '_') + "-role";
    }

    static String principal(ServiceSpec spec) {
        return spec.scheduler().principal() != null ? spec.scheduler().principal() : spec.name().replace('/', '_') + "-principal";
    }

    public ServiceScheduler scheduler() {
        return scheduler;
    }

    public SchedulerLoop loop() {
        return loop;
    }

    public ApiServer api() {
        return api;
    }

    /**
     * Prints deploy progress until interrupted or leadership is lost.
     *
     * @return false when leadership was lost (the scheduler must stop); true when {@link #close()}d
     */
    public boolean printProgressUntilStopped() throws InterruptedException {
        ProgressPrinter printer = new ProgressPrinter(
                () -> scheduler.plans().get(scheduler.deploymentPlanName()), out);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stratum-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(printer::print, 0, 1, TimeUnit.SECONDS);
        try {
            leadershipLost.await();
            if (closing) {
                return true; // closing releases the lock: that is no loss of leadership
            }
            out.println("lost leadership: stopping this scheduler");
            return false;
        } finally {
            timer.shutdownNow();
        }
    }

    /** Stops the API, the scheduler, the backend and ZooKeeper; tasks keep running. */
    @Override
    public void close() {
        closing = true;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                System.getLogger(ServiceRuntime.class.getName()).log(System.Logger.Level.WARNING,
                        "closing: " + e.getMessage());
            }
        }
    }
}
