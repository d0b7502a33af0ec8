package io.stratum.sdk.service;

import io.stratum.sdk.internal.http.ApiServer;
import io.stratum.sdk.spec.ServiceSpec;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A service running in this process ({@link Service#start}): its {@link Cluster} (work dir,
 * ZooKeeper, backend, API server) and its scheduler. Closing stops the API, the scheduler, the
 * backend and ZooKeeper and leaves the service's tasks running: the next start over the same work
 * dir (or ZooKeeper) takes them over. Thread-safe.
 */
public final class ServiceRuntime implements AutoCloseable {
    private final Cluster cluster;
    private final ServiceInstance instance;
    private final URI apiUrl;
    private final PrintWriter out;
    private final CountDownLatch closed = new CountDownLatch(1);

    private ServiceRuntime(Cluster cluster, ServiceInstance instance, URI apiUrl, PrintWriter out) {
        this.cluster = cluster;
        this.instance = instance;
        this.apiUrl = apiUrl;
        this.out = out;
    }

    /** Starts {@code service} on the cluster {@code options} describe; see {@link Service#start}. */
    static ServiceRuntime start(Service service, RunOptions options, BackendFactory backends, PrintWriter out)
            throws Exception {
        BackendFactory.Prepared backend = backends.prepare(service.spec(), options); // refuses bad options first
        Cluster cluster = Cluster.open(options, out);
        try {
            ApiServer.Builder api = cluster.bindApi();
            if (options.mesos() != null && isLoopback(cluster.apiUrl()) && hasConfigs(service.spec())) {
                out.println("warning: agents fetch config files from " + cluster.apiUrl() + ", a loopback address, which"
                        + " only an agent on this machine reaches: listen on 0.0.0.0 and give the URL agents reach");
            }
            ServiceInstance instance = ServiceInstance.start(service, cluster, backend, api, out);
            URI local = cluster.startApi().uri();
            out.println("api: " + cluster.apiUrl() + "/v1/plans/deploy");
            out.flush();
            return new ServiceRuntime(cluster, instance, local, out);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private static boolean hasConfigs(ServiceSpec spec) {
        return spec.pods().values().stream().anyMatch(pod -> pod.tasks().values().stream()
                .anyMatch(task -> !task.configs().isEmpty()));
    }

    private static boolean isLoopback(URI url) {
        try {
            return InetAddress.getByName(url.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * @return the API's URL on this machine, e.g. {@code http://127.0.0.1:8080} (agents may be given
     *         another, {@link RunOptions#apiUrl()})
     */
    public URI apiUrl() {
        return apiUrl;
    }

    /**
     * Prints deploy progress (a line per phase whose progress moved) until this runtime is closed.
     * Losing leadership does not end it: the scheduler stops acting, waits to lead again and
     * resumes (see {@link Service#start}); each change is printed.
     */
    public void printProgressUntilStopped() throws InterruptedException {
        ProgressPrinter printer = new ProgressPrinter(instance::deployPlan, out);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stratum-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(printer::print, 0, 1, TimeUnit.SECONDS);
        try {
            closed.await();
        } finally {
            timer.shutdownNow();
        }
    }

    /** Stops the API, the scheduler, the backend and ZooKeeper; tasks keep running. */
    @Override
    public void close() {
        cluster.close();
        closed.countDown();
    }
}
