package io.stratum.sdk.internal.check;

import io.stratum.sdk.internal.process.Setsid;
import io.stratum.sdk.spec.CheckProbe;
import io.stratum.sdk.spec.CheckSpec;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link CheckRunner}: builds a probe per check, runs each as a {@link CheckLoop}, keeps the
 * running ones so {@link #close()} can stop them all. Blocking work (TCP connects, HTTP callbacks)
 * runs on a cached pool of its own, never on the scheduler.
 */
final class DefaultCheckRunner implements CheckRunner {
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final ExecutorService blocking;
    private final InstantSource clock;
    private final Set<CheckLoop> running = ConcurrentHashMap.newKeySet();
    private HttpClient httpClient;
    private Setsid setsid;
    private boolean closed;

    DefaultCheckRunner(CheckRunner.Builder builder) {
        this.ownsScheduler = builder.scheduler == null;
        this.scheduler = ownsScheduler
                ? Executors.newSingleThreadScheduledExecutor(daemons("stratum-check-scheduler"))
                : builder.scheduler;
        this.blocking = Executors.newCachedThreadPool(daemons("stratum-check-probe"));
        this.clock = builder.clock;
        this.httpClient = builder.httpClient;
    }

    @Override
    public RunningCheck start(CheckKind kind, CheckSpec spec, CheckContext context, CheckListener listener) {
        return start(kind, spec.probe(), CheckTiming.of(spec), context, listener);
    }

    synchronized RunningCheck start(CheckKind kind, CheckProbe spec, CheckTiming timing, CheckContext context,
            CheckListener listener) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("check runner is closed");
        }
        Check check = new Check(kind, probe(kind, spec, timing, context), timing, context);
        CheckLoop loop = new CheckLoop(check, listener, scheduler, clock, running::remove);
        running.add(loop);
        loop.start();
        return loop;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List.copyOf(running).forEach(CheckLoop::close);
        blocking.shutdownNow();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    private Probe probe(CheckKind kind, CheckProbe spec, CheckTiming timing, CheckContext context) {
        if (spec instanceof CheckProbe.Command command) {
            if (setsid == null) {
                setsid = Setsid.locate(System.getenv());
            }
            String file = kind.name().toLowerCase(Locale.ROOT) + "-check.out";
            Path output = context.sandbox().dir().resolve(".stratum").resolve(file);
            return new CommandProbe(setsid, command.cmd(), context, output);
        }
        int port = context.port(spec.portName());
        String host = context.address().host();
        if (spec instanceof CheckProbe.Http http) {
            return new HttpProbe(httpClient(), HttpProbe.uri(http.scheme(), host, port, http.path()), timing.timeout());
        }
        return new TcpProbe(host, port, timing.timeout(), blocking);
    }

    private HttpClient httpClient() {
        if (httpClient == null) {
            httpClient = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(blocking)
                    .build();
        }
        return httpClient;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
