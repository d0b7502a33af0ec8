package io.stratum.sdk.service;

import io.stratum.sdk.backend.mesos.MesosBackendBuilder;
import io.stratum.sdk.http.ApiHandler;
import io.stratum.sdk.placement.PlacementRule;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.spec.ConfigValidator;
import io.stratum.sdk.spec.ServiceSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A framework: a spec plus the framework's extensions, run with the same flags as
 * {@code stratum run}. The one entry point of the SDK for framework authors:
 *
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 *     System.exit(Service.builder(ServiceSpec.load(Path.of("svc.yml"), System.getenv()))
 *             .configValidator(new RackCannotChange())
 *             .planCustomizer(PlanCustomizer.forPlan("deploy",
 *                     deploy -> deploy.withPhase("nodes", nodes -> nodes.withStrategy(Strategy.CANARY))))
 *             .endpoint("/v1/seeds", seedsHandler)
 *             .placementRule("node", PlacementRule.maxPer(...))
 *             .build()
 *             .run(args));
 * }
 * }</pre>
 */
public final class Service {
    private final ServiceSpec spec;
    private final Extensions extensions;
    private final BackendFactory backends;

    private Service(Builder builder) {
        this.spec = builder.spec;
        this.extensions = new Extensions(List.copyOf(builder.validators), builder.planCustomizer,
                Map.copyOf(builder.endpoints), Map.copyOf(builder.rules), builder.mesos);
        this.backends = builder.backends;
    }

    public static Builder builder(ServiceSpec spec) {
        return new Builder(spec);
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** Starts the service (returns once it runs); close the runtime to stop it, leaving tasks running. */
    public ServiceRuntime start(RunOptions options, PrintWriter out) throws Exception {
        return ServiceRuntime.start(spec, options, backends, extensions, out);
    }

    /**
     * Parses {@code stratum run}'s flags ({@code --work-dir}, {@code --api-port}, {@code --agents},
     * {@code --zookeeper}, {@code --api-token}, {@code --api-host}, {@code --api-url}, {@code --mesos},
     * {@code --mesos-failover-timeout}), runs the service until Ctrl-C and returns the exit
     * code.
     */
    public int run(String... args) {
        return io.stratum.sdk.cli.RunCommand.runService(this, args);
    }

    /** Options and extensions of a {@link Service}. */
    public static final class Builder {
        private final ServiceSpec spec;
        private final List<ConfigValidator> validators = new ArrayList<>();
        private PlanCustomizer planCustomizer = PlanCustomizer.none();
        private final Map<String, ApiHandler> endpoints = new LinkedHashMap<>();
        private final Map<String, List<PlacementRule>> rules = new LinkedHashMap<>();
        private BackendFactory backends = LocalBackends.factory();
        private Consumer<MesosBackendBuilder> mesos = builder -> { };

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

        /** Serves {@code GET path} (may hold {@code {name}} segments) from the scheduler's API. */
        public Builder endpoint(String path, ApiHandler handler) {
            endpoints.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** Adds a hard placement rule for the pod type {@code podType}, on top of its spec's constraints. */
        public Builder placementRule(String podType, PlacementRule rule) {
            if (spec.pod(podType) == null) {
                throw new IllegalArgumentException("placementRule: the spec has no pod type '" + podType + "'");
            }
            rules.computeIfAbsent(podType, p -> new ArrayList<>()).add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Adjusts the Mesos backend the service runs on under {@code --mesos} (failover timeout,
         * credentials, executor resources, ...), after the defaults and before the run flags.
         */
        public Builder mesos(Consumer<MesosBackendBuilder> settings) {
            mesos = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Runs on another backend than the local one without {@code --mesos} (e.g. one of the framework's own). */
        public Builder backend(BackendFactory factory) {
            backends = Objects.requireNonNull(factory, "factory");
            return this;
        }

        public Service build() {
            return new Service(this);
        }
    }
}
