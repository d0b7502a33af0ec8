package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.spec.ConfigUpdateRules;
import io.stratum.sdk.spec.ConfigValidator;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecRule;
import io.stratum.sdk.spec.SpecValidator;
import io.stratum.sdk.internal.state.ConfigStore;
import io.stratum.sdk.internal.state.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The target config, its history and its plans. A proposed spec becomes the target only if it is
 * valid ({@link SpecValidator}: the same field and cross-field rules as the spec loader), the
 * config update rules and the framework's validators allow it against the current target, and
 * the framework's {@link PlanCustomizer} can build its plans; otherwise nothing is stored, the old
 * target stays and the refusal is kept to be read back ({@link #lastRefused()}). Configs tasks were
 * launched with are fetched once and cached. Written by the scheduler loop, read from any thread.
 */
final class TargetConfig {
    private static final System.Logger LOG = System.getLogger(TargetConfig.class.getName());

    private final ConfigStore store;
    private final PlanCustomizer customizer;
    private final ConfigUpdateRules rules;
    private final Map<UUID, Optional<ServiceSpec>> cache = new ConcurrentHashMap<>();
    private volatile ServiceSpec target;
    private volatile UUID targetId;
    private volatile List<String> errors = List.of();
    private volatile ConfigRefusal lastRefused;

    /** @param validators the framework's config update rules, checked after the built-in ones */
    TargetConfig(ConfigStore store, List<ConfigValidator> validators, PlanCustomizer customizer) {
        this.store = store;
        this.customizer = customizer;
        List<ConfigValidator> all = new ArrayList<>(validators);
        all.add((current, proposed) -> PlanFactory.problems(proposed, customizer));
        this.rules = ConfigUpdateRules.withExtra(all);
    }

    /**
     * Proposes {@code spec} as the target. With no valid stored target (a first start, or a target
     * stored by an earlier version that breaks today's rules, which then is not held against the
     * proposal) a refused spec cannot fall back on anything: the start fails.
     *
     * @return whether the target changed
     * @throws IllegalArgumentException naming every problem, if {@code spec} is refused and there is
     *     no valid stored target to keep
     */
    boolean propose(ServiceSpec spec, Instant now) {
        Optional<UUID> previousId = store.targetId();
        Optional<ServiceSpec> previous = previousId.flatMap(store::fetch);
        if (previous.isPresent() && !SpecValidator.validate(previous.get()).isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "the stored target " + previousId.get() + " breaks the spec rules "
                    + format(SpecValidator.validate(previous.get())) + ": the proposed spec is checked without it");
            previous = Optional.empty();
        }
        List<String> problems = problems(previous.orElse(null), spec);
        if (previous.isEmpty()) {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("the service spec is refused: " + String.join("; ", problems));
            }
            set(store.storeAsTarget(spec), spec);
            errors = List.of();
            return true;
        }
        set(previousId.get(), previous.get());
        errors = problems;
        if (!problems.isEmpty()) {
            lastRefused = new ConfigRefusal(now, problems);
            return false;
        }
        if (previous.get().equals(spec)) {
            return false;
        }
        set(store.storeAsTarget(spec), spec);
        return true;
    }

    /**
     * @return what keeps {@code proposed} from replacing {@code current} (null: there is none):
     *     its own problems first, as the update rules expect a valid spec
     */
    private List<String> problems(ServiceSpec current, ServiceSpec proposed) {
        List<SpecRule.Violation> invalid = SpecValidator.validate(proposed);
        if (!invalid.isEmpty()) {
            return format(invalid);
        }
        try {
            return format(current == null ? PlanFactory.problems(proposed, customizer) : rules.validate(current, proposed));
        } catch (RuntimeException e) {
            // Validators must not throw; one that does refuses the update rather than failing the scheduler.
            LOG.log(System.Logger.Level.WARNING, "a config validator failed", e);
            return List.of("a config validator failed: " + e.getMessage());
        }
    }

    private static List<String> format(List<SpecRule.Violation> violations) {
        return violations.stream().map(v -> v.path().isEmpty() ? v.message() : v.path() + ": " + v.message()).toList();
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

    /** @return the problems of the last proposal; empty when it was accepted */
    List<String> errors() {
        return errors;
    }

    /** Records a proposal refused before it was a spec (a config update whose body is not one). */
    void refused(List<String> problems, Instant now) {
        lastRefused = new ConfigRefusal(now, problems);
    }

    /** @return the last refused proposal, if any was refused since this scheduler started */
    Optional<ConfigRefusal> lastRefused() {
        return Optional.ofNullable(lastRefused);
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
