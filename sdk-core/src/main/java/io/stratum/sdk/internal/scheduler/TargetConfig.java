package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.spec.ConfigUpdateRules;
import io.stratum.sdk.spec.ConfigValidator;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecRule;
import io.stratum.sdk.internal.state.ConfigStore;
import io.stratum.sdk.internal.state.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The target config, its history and its plans: a proposed spec becomes the target only if the
 * config update rules allow it and the framework's {@link PlanCustomizer} can build its plans;
 * otherwise the old target stays and the violations are kept to be shown. Configs tasks were
 * launched with are fetched once and cached. Written by the scheduler loop, read from any thread.
 */
final class TargetConfig {
    private final ConfigStore store;
    private final PlanCustomizer customizer;
    private final ConfigUpdateRules rules;
    private final Map<UUID, Optional<ServiceSpec>> cache = new ConcurrentHashMap<>();
    private volatile ServiceSpec target;
    private volatile UUID targetId;
    private volatile List<String> errors = List.of();

    /** @param validators the framework's config update rules, checked after the built-in ones */
    TargetConfig(ConfigStore store, List<ConfigValidator> validators, PlanCustomizer customizer) {
        this.store = store;
        this.customizer = customizer;
        List<ConfigValidator> all = new ArrayList<>(validators);
        all.add((current, proposed) -> PlanFactory.problems(proposed, customizer));
        this.rules = ConfigUpdateRules.withExtra(all);
    }

    /** @return whether the target changed */
    boolean propose(ServiceSpec spec) {
        Optional<UUID> previousId = store.targetId();
        Optional<ServiceSpec> previous = previousId.flatMap(store::fetch);
        if (previous.isEmpty()) {
            set(store.storeAsTarget(spec), spec);
            errors = List.of();
            return true;
        }
        List<SpecRule.Violation> violations = rules.validate(previous.get(), spec);
        if (!violations.isEmpty()) {
            set(previousId.get(), previous.get());
            errors = violations.stream().map(v -> v.path() + ": " + v.message()).toList();
            return false;
        }
        errors = List.of();
        if (previous.get().equals(spec)) {
            set(previousId.get(), previous.get());
            return false;
        }
        set(store.storeAsTarget(spec), spec);
        return true;
    }

    private void set(UUID id, ServiceSpec spec) {
        cache.put(id, Optional.of(spec));
        targetId = id;
        target = spec;
    }

    ServiceSpec target() {
        return target;
    }

    /**
     * @return the target's plans, as the customizer changes them, by name
     * @throws IllegalArgumentException if they cannot be built (see {@link PlanFactory#plans})
     */
    Map<String, Plan> plans() {
        return PlanFactory.plans(target, customizer);
    }

    UUID targetId() {
        return targetId;
    }

    /** @return the violations of the last rejected proposal; empty after an accepted one */
    List<String> errors() {
        return errors;
    }

    List<UUID> ids() {
        return store.list();
    }

    /**
     * @return the spec of the pod a stored task belongs to: the target's, or else (a pod type the
     *     target no longer has) that of the config the task was launched with
     */
    Optional<PodSpec> podOf(TaskRecord record) {
        Optional<PodSpec> inTarget = targetPodOf(record);
        return inTarget.isPresent() ? inTarget : fetch(record.configId()).map(c -> c.pod(record.podType()));
    }

    /** @return the target's spec of the pod a stored task belongs to, if the target has that pod type */
    Optional<PodSpec> targetPodOf(TaskRecord record) {
        return Optional.ofNullable(target.pod(record.podType()));
    }

    Optional<ServiceSpec> fetch(String configId) {
        try {
            return cache.computeIfAbsent(UUID.fromString(configId), store::fetch);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
