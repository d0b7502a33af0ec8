package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.spec.ConfigValidator;
import io.stratum.sdk.internal.state.ConfigStore;
import io.stratum.sdk.internal.state.FrameworkStore;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.internal.state.PlanStore;
import io.stratum.sdk.internal.state.StateStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Assembles a {@link ServiceScheduler}: backend, state, evaluator, clock and settings. */
public final class SchedulerBuilder {
    ClusterBackend backend;
    StateStore stateStore;
    ConfigStore configStore;
    PlanStore planStore;
    FrameworkStore frameworkStore;
    OfferEvaluator evaluator = OfferEvaluator.builder().build();
    InstantSource clock = InstantSource.system();
    SchedulerSettings settings = SchedulerSettings.DEFAULT;
    final List<ConfigValidator> configValidators = new ArrayList<>();
    PlanCustomizer planCustomizer = PlanCustomizer.none();

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

    public ServiceScheduler build() {
        Objects.requireNonNull(backend, "withBackend(...) is required");
        Objects.requireNonNull(stateStore, "withPersister(...) is required");
        return new ServiceScheduler(this);
    }
}
