package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.placement.PlacementRule;
import io.stratum.sdk.spec.ServiceSpec;
import java.util.LinkedHashMap;
import java.util.Map;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.discovery.ServiceZooKeeper;
import io.stratum.sdk.discovery.TaskEnvironment;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.spec.ConfigValidator;
import io.stratum.sdk.internal.state.ConfigStore;
import io.stratum.sdk.internal.state.FrameworkStore;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.internal.state.PlanStore;
import io.stratum.sdk.internal.state.StateStore;
import io.stratum.sdk.internal.state.ZooKeeperClient;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Assembles a {@link ServiceScheduler}: backend, state, evaluator, clock and settings. */
public final class SchedulerBuilder {
    /**
     * The connect string tasks are given when no ZooKeeper is set ({@link #withZooKeeper}): the
     * test harness's placeholder. The {@code .invalid} name never resolves, so a client given it
     * fails at once instead of reaching a real server.
     */
    public static final String SIMULATED_ZOOKEEPER = "zookeeper.invalid:2181";

    ClusterBackend backend;
    StateStore stateStore;
    ConfigStore configStore;
    PlanStore planStore;
    FrameworkStore frameworkStore;
    OfferEvaluator evaluator;
    private String role;
    private String principal;
    private final Map<String, List<PlacementRule>> placementRules = new LinkedHashMap<>();
    InstantSource clock = InstantSource.system();
    SchedulerSettings settings = SchedulerSettings.DEFAULT;
    final List<ConfigValidator> configValidators = new ArrayList<>();
    PlanCustomizer planCustomizer = PlanCustomizer.none();
    TaskEnvironment taskEnvironment;
    ServiceZooKeeper zookeeper;

    SchedulerBuilder() {}

    public SchedulerBuilder withBackend(ClusterBackend newBackend) {
        backend = Objects.requireNonNull(newBackend, "backend");
        return this;
    }

    /** Keeps every store under {@code persister}. */
    public SchedulerBuilder withPersister(Persister persister) {
        stateStore = StateStore.of(persister);
        configStore = ConfigStore.of(persister);
        planStore = PlanStore.of(persister);
        frameworkStore = FrameworkStore.of(persister);
        return this;
    }

    /**
     * The role and principal the evaluator reserves with (by default the evaluator's own); ignored
     * with {@link #withEvaluator}.
     */
    public SchedulerBuilder withRole(String newRole, String newPrincipal) {
        role = Objects.requireNonNull(newRole, "role");
        principal = Objects.requireNonNull(newPrincipal, "principal");
        return this;
    }

    /** Adds a hard placement rule for {@code podType}'s new instances; ignored with {@link #withEvaluator}. */
    public SchedulerBuilder withPlacementRule(String podType, PlacementRule rule) {
        placementRules.computeIfAbsent(podType, p -> new ArrayList<>()).add(Objects.requireNonNull(rule, "rule"));
        return this;
    }

    /** Evaluates offers with {@code newEvaluator} instead of one built from the role and placement rules. */
    public SchedulerBuilder withEvaluator(OfferEvaluator newEvaluator) {
        evaluator = Objects.requireNonNull(newEvaluator, "evaluator");
        return this;
    }

    public SchedulerBuilder withClock(InstantSource newClock) {
        clock = Objects.requireNonNull(newClock, "clock");
        return this;
    }

    public SchedulerBuilder withSettings(SchedulerSettings newSettings) {
        settings = Objects.requireNonNull(newSettings, "settings");
        return this;
    }

    /** Adds a config update rule on top of the built-in ones. */
    public SchedulerBuilder withConfigValidator(ConfigValidator validator) {
        configValidators.add(Objects.requireNonNull(validator, "validator"));
        return this;
    }

    /**
     * Changes the plans built from the target config (see {@link PlanCustomizer}): at start, for
     * every proposed config update (one whose plans cannot be built is refused) and after every
     * accepted one. Default: {@link PlanCustomizer#none()}.
     */
    public SchedulerBuilder withPlanCustomizer(PlanCustomizer customizer) {
        planCustomizer = Objects.requireNonNull(customizer, "customizer");
        return this;
    }

    /**
     * Adds {@code environment}'s variables to every task launched (see {@link TaskEnvironment});
     * default none.
     */
    public SchedulerBuilder withTaskEnvironment(TaskEnvironment environment) {
        taskEnvironment = Objects.requireNonNull(environment, "environment");
        return this;
    }

    /**
     * The service's ZooKeeper as its tasks reach it, given to every launch as
     * {@value ServiceZooKeeper#CONNECT_VARIABLE} and {@value ServiceZooKeeper#PATH_VARIABLE} and to
     * the framework's task environment; default {@link #simulatedZooKeeper} of the target's name.
     */
    public SchedulerBuilder withZooKeeper(ServiceZooKeeper serviceZooKeeper) {
        zookeeper = Objects.requireNonNull(serviceZooKeeper, "zookeeper");
        return this;
    }

    /**
     * @return the placeholder ZooKeeper of the service {@code serviceName}: {@value #SIMULATED_ZOOKEEPER}
     *     and the node a real run would reserve for its tasks ({@code /stratum/<encoded name>/tasks})
     */
    public static ServiceZooKeeper simulatedZooKeeper(String serviceName) {
        return new ServiceZooKeeper(SIMULATED_ZOOKEEPER, ZooKeeperClient.tasksPathOf(serviceName));
    }

    /**
     * Sets what a framework adds to the SDK for the service {@code spec} describes: the role and
     * principal it reserves with, its config update rules, its hard placement rules by pod type
     * and its task environment (null for none). The one place a framework's parts are put into a scheduler (the runtime and the test
     * harness both call it).
     */
    public SchedulerBuilder withFramework(ServiceSpec spec, List<ConfigValidator> validators,
            Map<String, List<PlacementRule>> rules, TaskEnvironment environment) {
        withRole(role(spec), principal(spec));
        taskEnvironment = environment;
        validators.forEach(this::withConfigValidator);
        rules.forEach((pod, list) -> list.forEach(rule -> withPlacementRule(pod, rule)));
        return this;
    }

    /** @return the role {@code spec}'s service reserves with: its name, {@code /} as {@code _}, and {@code -role} */
    public static String role(ServiceSpec spec) {
        return spec.name().replace('/', '_') + "-role";
    }

    /** @return the principal {@code spec}'s service reserves as: its scheduler's, else its name and {@code -principal} */
    public static String principal(ServiceSpec spec) {
        return spec.scheduler().principal() != null ? spec.scheduler().principal()
                : spec.name().replace('/', '_') + "-principal";
    }

    public ServiceScheduler build() {
        Objects.requireNonNull(backend, "withBackend(...) is required");
        Objects.requireNonNull(stateStore, "withPersister(...) is required");
        if (evaluator == null) {
            OfferEvaluator.Builder builder = OfferEvaluator.builder();
            if (role != null) {
                builder.withRole(role).withPrincipal(principal);
            }
            placementRules.forEach((pod, rules) -> rules.forEach(rule -> builder.withPlacementRule(pod, rule)));
            evaluator = builder.build();
        }
        return new ServiceScheduler(this);
    }
}
