package io.stratum.sdk.testing;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.backend.sim.SimTask;
import io.stratum.sdk.http.ApiResponse;
import io.stratum.sdk.internal.http.FrameworkRoutes;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.scheduler.SchedulerBuilder;
import io.stratum.sdk.internal.scheduler.SchedulerSettings;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ServiceSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The framework authors' test harness: runs the real scheduler of a framework's {@link Service}
 * (its spec with its config validators, plan customizer and placement rules, put together exactly
 * as {@link Service#start} does) on a simulated cluster ({@link SimCluster}) with an in-memory or
 * ZooKeeper state store, and scripts it in ticks. {@link ServiceTestExtension} hands one to a
 * JUnit 5 test method.
 *
 * <pre>{@code
 * ServiceTestRunner.builder(MyFramework.service()).build().run(
 *     Send.offersUntilComplete("deploy", 20),
 *     Expect.planStatus("deploy", Status.COMPLETE),
 *     Send.failure("hello-0-server"),
 *     Send.offers(),
 *     Expect.launches("hello-0-server", 2));
 * }</pre>
 *
 * A framework's own API routes are called with {@link Context#get}.
 *
 * <p>Every task's {@code STRATUM_ZOOKEEPER} (and {@code TaskContext.zookeeper().connectString()}) is
 * the placeholder {@value #ZOOKEEPER}, which never resolves; {@code STRATUM_ZOOKEEPER_PATH} is the
 * path a real run gives, {@code /stratum/<service name, percent-encoded>/tasks}.
 *
 * <p>A failing run throws an {@link AssertionError} listing every tick with PASS or FAIL. Time is a
 * manual clock moved by {@link Send#time}. Not thread-safe. Each {@link #run} starts a new simulated
 * cluster and scheduler over the runner's store; {@link #close()} closes the clusters.
 */
public final class ServiceTestRunner implements AutoCloseable {
    /** The ZooKeeper connect string simulated tasks are given: a placeholder that never resolves. */
    public static final String ZOOKEEPER = SchedulerBuilder.SIMULATED_ZOOKEEPER;

    private final Service service;
    private final Supplier<SimCluster.Builder> cluster;
    private final Persister persister;
    private final SchedulerSettings settings;
    private final Supplier<OfferEvaluator> evaluator;
    private final List<Context> contexts = new ArrayList<>();
    private boolean closed;

    private ServiceTestRunner(Builder builder) {
        this.service = builder.service;
        this.cluster = builder.cluster;
        this.persister = builder.persister;
        this.settings = builder.settings;
        this.evaluator = builder.evaluator;
    }

    /** @return a builder of a runner for the framework {@code service} */
    public static Builder builder(Service service) {
        return new Builder(service);
    }

    /** @return a builder of a runner for a spec without framework extensions */
    public static Builder builder(ServiceSpec spec) {
        return new Builder(Service.builder(spec).build());
    }

    /** @return the framework under test */
    public Service service() {
        return service;
    }

    /** Closes the simulated clusters of every run; the runner can't run again. */
    @Override
    public void close() {
        closed = true;
        contexts.forEach(context -> context.sim.close());
        contexts.clear();
    }

    /** Runs the ticks in order; returns the context for further checks. */
    public Context run(Tick... ticks) {
        if (closed) {
            throw new IllegalStateException("this runner is closed");
        }
        Context context = new Context();
        contexts.add(context);
        List<String> log = new ArrayList<>();
        for (Tick tick : ticks) {
            try {
                tick.run(context);
                log.add("PASS " + tick.description());
            } catch (AssertionError | RuntimeException e) {
                log.add("FAIL " + tick.description() + ": " + e.getMessage());
                AssertionError failure = new AssertionError("service test failed at tick " + log.size() + ":\n"
                        + String.join("\n", log));
                failure.initCause(e);
                throw failure;
            }
        }
        return context;
    }

    /** The simulated cluster and the scheduler under test. */
    public final class Context {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        private final InstantSource clock = now::get;
        private final SimCluster sim;
        private final FrameworkRoutes routes;
        private ServiceScheduler scheduler;

        private Context() {
            sim = cluster.get().withClock(clock).build();
            routes = new FrameworkRoutes(service.endpoints(), () -> scheduler);
            startScheduler();
        }

        public SimCluster cluster() {
            return sim;
        }

        public ServiceScheduler scheduler() {
            return scheduler;
        }

        public Persister persister() {
            return persister;
        }

        public Instant now() {
            return now.get();
        }

        /** Delivers every queued cluster event to the scheduler. */
        public void settle() {
            sim.deliver();
        }

        /** Moves the clock on. */
        public void advance(Duration duration) {
            now.updateAndGet(t -> t.plus(duration));
            sim.tick();
        }

        /**
         * Calls the framework's own route ({@code Service.Builder.endpoint}) for {@code GET target} as
         * the service's API does, without HTTP: the same routing, the same strict decoding of the
         * path and query (only the parameters the route declares), and the request's
         * {@link io.stratum.sdk.http.ApiRequest#discovery()} read from this scheduler's task records now.
         *
         * <pre>{@code
         * ApiResponse seeds = context.get("/v1/seeds");
         * assertThat(seeds.status()).isEqualTo(200);
         * }</pre>
         *
         * @param target a path with an optional query, percent-encoded as in a URL ({@code /v1/seeds?dc=east})
         * @return the handler's answer (its body as the handler gave it, not yet JSON); a refusal (no
         *     such route: 404; a query parameter the route does not take: 400; the handler's
         *     {@link io.stratum.sdk.http.ApiException}) as the error the API answers,
         *     {@code {"error": ..., "parameter": ...}}
         * @throws RuntimeException whatever else the handler throws (the API would answer 500)
         */
        public ApiResponse get(String target) {
            return routes.get(target);
        }

        /** @return the live task named {@code taskName}, or fails */
        public SimTask liveTask(String taskName) {
            return sim.liveTasks().stream().filter(t -> t.name().equals(taskName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no live task " + taskName + "; live: "
                            + Expect.names(sim.liveTasks())));
        }

        /**
         * @return the environment the live task named {@code taskName} starts with, as every backend
         *     gives it ({@link TaskLaunch#environment}): the service's name, the spec's env, the task's
         *     ports and identity, and its agent's address and fault domain ({@code ZONE}, {@code REGION})
         */
        public Map<String, String> environment(String taskName) {
            SimTask task = liveTask(taskName);
            Agent agent = sim.agents().stream().filter(a -> a.id().equals(task.agentId())).findFirst()
                    .orElseThrow(() -> new AssertionError("task " + taskName + " is on an unknown agent " + task.agentId()));
            return task.launch().environment(service.spec().name(), agent);
        }

        void restartScheduler() {
            startScheduler();
        }

        void restartScheduler(ServiceSpec spec) {
            startScheduler(spec);
        }

        private void startScheduler() {
            startScheduler(service.spec());
        }

        private void startScheduler(ServiceSpec spec) {
            SchedulerBuilder builder = ServiceScheduler.builder()
                    .withBackend(sim)
                    .withPersister(persister)
                    .withFramework(service.spec(), service.configValidators(), service.placementRules(),
                            service.taskEnvironment().orElse(null))
                    .withZooKeeper(SchedulerBuilder.simulatedZooKeeper(service.spec().name()))
                    .withPlanCustomizer(service.planCustomizer())
                    .withClock(clock)
                    .withSettings(settings);
            if (evaluator != null) {
                builder.withEvaluator(evaluator.get());
            }
            scheduler = builder.build();
            scheduler.start(spec, scheduler.directListener());
            settle();
        }
    }

    /** Options of a {@link ServiceTestRunner}. */
    public static final class Builder {
        private final Service service;
        private Supplier<SimCluster.Builder> cluster = () -> SimCluster.builder()
                .agents(3, a -> a.cpus(4).mem(8192).disk(32_768).ports(10_000, 20_000));
        private Persister persister = Persister.inMemory();
        private SchedulerSettings settings = SchedulerSettings.DEFAULT;
        private Supplier<OfferEvaluator> evaluator;

        private Builder(Service service) {
            this.service = Objects.requireNonNull(service, "service");
        }

        /** The simulated cluster (default: 3 agents of 4 cpus, 8 GB, 32 GB disk, ports 10000-20000). */
        public Builder withCluster(Supplier<SimCluster.Builder> newCluster) {
            cluster = Objects.requireNonNull(newCluster, "cluster");
            return this;
        }

        /** Where state lives (default in memory; pass a ZooKeeper persister to test on a real store). */
        public Builder withPersister(Persister newPersister) {
            persister = Objects.requireNonNull(newPersister, "persister");
            return this;
        }

        public Builder withSettings(SchedulerSettings newSettings) {
            settings = Objects.requireNonNull(newSettings, "settings");
            return this;
        }

        /**
         * Evaluates offers with a new evaluator from {@code newEvaluator} (one per scheduler start)
         * instead of the service's own (its role and placement rules).
         */
        public Builder withEvaluator(Supplier<OfferEvaluator> newEvaluator) {
            evaluator = Objects.requireNonNull(newEvaluator, "evaluator");
            return this;
        }

        /** @return the runner */
        public ServiceTestRunner build() {
            return new ServiceTestRunner(this);
        }
    }
}
