package io.stratum.sdk.service;

import io.stratum.sdk.backend.mesos.MesosBackend;
import io.stratum.sdk.discovery.TaskEnvironment;
import io.stratum.sdk.http.ApiHandler;
import io.stratum.sdk.placement.PlacementRule;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.spec.ConfigValidator;
import io.stratum.sdk.spec.ServiceSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A framework: a spec plus the framework's extensions (config update rules, plan customizer, API
 * routes, placement rules, backend settings). The SDK's entry point for framework authors; a
 * framework's {@code main} hands it to the CLI, which runs it with the flags of {@code stratum run}:
 *
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 *     Service service = Service.builder(ServiceSpec.load(Path.of("svc.yml"), System.getenv()))
 *             .configValidator(new RackCannotChange())
 *             .planCustomizer(PlanCustomizer.forPlan("deploy",
 *                     deploy -> deploy.withPhase("nodes", nodes -> nodes.withStrategy(Strategy.CANARY))))
 *             .endpoint("/v1/seeds", seedsHandler)
 *             .placementRule("node", PlacementRule.maxPer(...))
 *             .build();
 *     System.exit(StratumCli.run(service, args));
 * }
 * }</pre>
 *
 * <p>{@link #start} runs it in this process (what {@code stratum run} does); the test harness
 * ({@code ServiceTestRunner.builder(service)}, in the testing package) runs the same parts on a
 * simulated cluster. Immutable and thread-safe.
 */
public final class Service {
    private final ServiceSpec spec;
    private final List<ConfigValidator> validators;
    private final PlanCustomizer planCustomizer;
    private final Map<String, ApiHandler> endpoints;
    private final Map<String, List<PlacementRule>> rules;
    private final TaskEnvironment taskEnvironment;
    private final Consumer<MesosBackend.Builder> mesos;
    private final BackendFactory backends;

    private Service(Builder builder) {
        this.spec = builder.spec;
        this.validators = List.copyOf(builder.validators);
        this.planCustomizer = builder.planCustomizer;
        this.endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(builder.endpoints));
        Map<String, List<PlacementRule>> copied = new LinkedHashMap<>();
        builder.rules.forEach((pod, list) -> copied.put(pod, List.copyOf(list)));
        this.rules = Collections.unmodifiableMap(copied);
        this.taskEnvironment = builder.taskEnvironment;
        this.mesos = builder.mesos;
        this.backends = builder.backends;
    }

    /** @return a builder of the framework for {@code spec} */
    public static Builder builder(ServiceSpec spec) {
        return new Builder(spec);
    }

    /** @return the service's spec (its initial target; updates come through the CLI or the API) */
    public ServiceSpec spec() {
        return spec;
    }

    /** @return the framework's config update rules, checked after the built-in ones, in order */
    public List<ConfigValidator> configValidators() {
        return validators;
    }

    /** @return the framework's edit of the generated plans (by default none) */
    public PlanCustomizer planCustomizer() {
        return planCustomizer;
    }

    /** @return the framework's API routes: {@code GET} path templates to their handlers */
    public Map<String, ApiHandler> endpoints() {
        return endpoints;
    }

    /** @return the framework's hard placement rules, by pod type, on top of the spec's constraints */
    public Map<String, List<PlacementRule>> placementRules() {
        return rules;
    }

    /** @return the framework's addition to each task's environment, if it has one */
    public Optional<TaskEnvironment> taskEnvironment() {
        return Optional.ofNullable(taskEnvironment);
    }

    /**
     * Starts the service on the cluster {@code options} describe and returns once its scheduler
     * runs (after waiting for the service's lock when another scheduler holds it); close the
     * runtime to stop it, leaving its tasks running. A scheduler that loses the lock (its ZooKeeper
     * session expired: a long pause of the process, ZooKeeper out of reach) stops acting at once,
     * stays in the election and, when it leads again, resumes over the stored state in the same
     * process, re-adopting the running tasks; a standby may take over instead.
     *
     * @param out where the state's whereabouts, the API's address, waits and changes of leadership are printed
     * @throws RunOptions.InvalidOptionException if an option is refused (before anything starts)
     * @throws java.io.IOException               if the work dir is in use or the API can't listen
     */
    public ServiceRuntime start(RunOptions options, PrintWriter out) throws Exception {
        BackendFactory factory = options.mesos() != null ? MesosBackends.factory(mesos) : backends;
        return ServiceRuntime.start(this, options, factory, out);
    }

    /**
     * Removes the stopped service from the cluster of {@code options} (the local one, or the
     * Mesos master of {@link RunOptions#mesos()}, where the framework is torn down last): its
     * tasks, volumes, reservations and state, then the work dir.
     *
     * @param out where progress is printed
     * @throws IllegalStateException if a scheduler of the service still runs
     */
    public void uninstall(RunOptions options, PrintWriter out) throws Exception {
        ServiceRemoval.uninstall(spec, options, mesos, out);
    }

    /** Options and extensions of a {@link Service}; not thread-safe. */
    public static final class Builder {
        private final ServiceSpec spec;
        private final List<ConfigValidator> validators = new ArrayList<>();
        private PlanCustomizer planCustomizer = PlanCustomizer.none();
        private final Map<String, ApiHandler> endpoints = new LinkedHashMap<>();
        private final Map<String, List<PlacementRule>> rules = new LinkedHashMap<>();
        private TaskEnvironment taskEnvironment;
        private BackendFactory backends = LocalBackends.factory();
        private Consumer<MesosBackend.Builder> mesos = builder -> { };

        private Builder(ServiceSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        /** Adds a config update rule, checked after the built-in ones. */
        public Builder configValidator(ConfigValidator validator) {
            validators.add(Objects.requireNonNull(validator, "validator"));
            return this;
        }

        /**
         * Changes the plans the scheduler builds from the target config, each time it builds them
         * (see {@link PlanCustomizer}); a config update whose plans cannot be built is refused.
         */
        public Builder planCustomizer(PlanCustomizer customizer) {
            planCustomizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /**
         * Serves {@code GET path} (may hold {@code {name}} segments) from the scheduler's API. The
         * route takes the query parameters {@code handler} declares ({@link ApiHandler#queryParameters()},
         * none by default); a request with any other is refused with a 400 naming it.
         */
        public Builder endpoint(String path, ApiHandler handler) {
            endpoints.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * Serves {@code GET path} taking the query parameters {@code queryParameters}: the handler
         * reads them with {@code request.queryParam(name)}; a request with any other is refused with
         * a 400 naming it (so a misspelt parameter is never silently ignored).
         */
        public Builder endpoint(String path, Set<String> queryParameters, ApiHandler handler) {
            return endpoint(path, ApiHandler.withQueryParameters(queryParameters, handler));
        }

        /**
         * Adds a hard placement rule for the pod type {@code podType}, on top of its spec's constraints.
         *
         * @throws IllegalArgumentException if the spec has no such pod type
         */
        public Builder placementRule(String podType, PlacementRule rule) {
            if (spec.pod(podType) == null) {
                throw new IllegalArgumentException("placementRule: the spec has no pod type '" + podType + "'");
            }
            rules.computeIfAbsent(podType, p -> new ArrayList<>()).add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Adds variables of the framework's own to every task's environment (and so to its config
         * templates), computed at each launch from where the task and every placed pod instance are
         * (see {@link TaskEnvironment}). At most one; a second call replaces the first.
         */
        public Builder taskEnvironment(TaskEnvironment environment) {
            taskEnvironment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * Adjusts the Mesos backend the service runs on when {@link RunOptions#mesos()} is given
         * (failover timeout, credentials, executor resources, ...), after the defaults and before
         * the run options.
         */
        public Builder mesos(Consumer<MesosBackend.Builder> settings) {
            mesos = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Runs on another backend than the local one when no Mesos master is given (e.g. the framework's own). */
        public Builder backend(BackendFactory factory) {
            backends = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** @return the service */
        public Service build() {
            return new Service(this);
        }
    }
}
