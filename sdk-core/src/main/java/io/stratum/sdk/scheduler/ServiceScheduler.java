package io.stratum.sdk.scheduler;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.offer.Offer;
import io.stratum.sdk.offer.OfferEvaluator;
import io.stratum.sdk.offer.Recommendation;
import io.stratum.sdk.plan.Plan;
import io.stratum.sdk.plan.PlanCoordinator;
import io.stratum.sdk.plan.PlanFactory;
import io.stratum.sdk.plan.PlanProgress;
import io.stratum.sdk.plan.PodInstance;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.plan.Step;
import io.stratum.sdk.plan.TaskProgress;
import io.stratum.sdk.spec.ConfigUpdateRules;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecRule;
import io.stratum.sdk.spec.TaskSpec;
import io.stratum.sdk.state.ConfigStore;
import io.stratum.sdk.state.FrameworkStore;
import io.stratum.sdk.state.PlanStore;
import io.stratum.sdk.state.StateStore;
import io.stratum.sdk.state.TaskRecord;
import io.stratum.sdk.state.TaskState;
import io.stratum.sdk.state.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduler of one service: turns offers into launches for the steps of its plans, keeps its
 * tasks' state in the state store, heals failed tasks, rolls config updates and obeys operators.
 *
 * <p>Event methods ({@code on*}, {@link #tick()}, commands) must be called from one thread at a
 * time — the {@link SchedulerLoop} does that; the read methods ({@link #plans()},
 * {@link #tasks()}, ...) may be called from any thread.
 */
public final class ServiceScheduler {
    private static final System.Logger LOG = System.getLogger(ServiceScheduler.class.getName());
    private static final Duration RECONCILE_DECLINE = Duration.ofSeconds(5);
    private static final Duration SHORT_DECLINE = Duration.ofSeconds(5);

    private final ClusterBackend backend;
    private final StateStore stateStore;
    private final ConfigStore configStore;
    private final PlanStore planStore;
    private final FrameworkStore frameworkStore;
    private final OfferEvaluator evaluator;
    private final InstantSource clock;
    private final SchedulerSettings settings;
    private final ConfigUpdateRules configRules;
    private final java.util.function.Consumer<Map<String, Plan>> planCustomizer;
    private final TaskCache tasks;
    private final RecoveryManager recovery;
    private final Decommissioner decommission;
    private final ReviveThrottle revive;
    private final Map<String, Step> stepByTaskId = new HashMap<>();
    private final Map<String, PlanProgress> savedProgress = new HashMap<>();
    private final Map<UUID, Optional<ServiceSpec>> configCache = new ConcurrentHashMap<>();
    private final Map<String, String> explanations = new ConcurrentHashMap<>();
    private final Set<String> reconciling = new LinkedHashSet<>();
    /** Tasks killed on purpose (restart, replace, config update): their end is not a failure. */
    private final Set<String> killRequested = new java.util.HashSet<>();

    private volatile ServiceSpec target;
    private volatile UUID targetId;
    private volatile Map<String, Plan> plans = Map.of();
    private volatile String deploymentPlan = PlanFactory.DEPLOY;
    private volatile List<String> configErrors = List.of();
    private volatile String frameworkId;
    private boolean suppressed;
    private Set<java.util.UUID> lastCandidates = Set.of();

    ServiceScheduler(SchedulerBuilder b) {
        this.backend = b.backend;
        this.stateStore = b.stateStore;
        this.configStore = b.configStore;
        this.planStore = b.planStore;
        this.frameworkStore = b.frameworkStore;
        this.evaluator = b.evaluator;
        this.clock = b.clock;
        this.settings = b.settings;
        this.configRules = ConfigUpdateRules.withExtra(b.configValidators);
        this.planCustomizer = b.planCustomizer;
        this.tasks = new TaskCache(stateStore);
        this.recovery = new RecoveryManager(settings.backoff());
        this.decommission = new Decommissioner();
        this.revive = new ReviveThrottle(clock, settings.reviveInterval());
    }

    /** @return a builder; see {@link SchedulerBuilder} */
    public static SchedulerBuilder builder() {
        return new SchedulerBuilder();
    }

    // ----- start -----

    /**
     * Loads state, takes {@code spec} as the new target if the config update rules allow it (else
     * keeps the old target and shows the errors in the deployment plan), builds the plans and
     * starts the backend, whose events go to {@code listener} (which must hand them back to this
     * scheduler's event methods on one thread: {@link SchedulerLoop} or {@link #directListener()}).
     */
    public void start(ServiceSpec spec, io.stratum.sdk.backend.BackendListener listener) {
        tasks.load();
        planStore.fetchAll().forEach((name, bytes) -> readProgress(bytes).ifPresent(p -> savedProgress.put(name, p)));
        boolean changed = adoptTarget(spec);
        boolean deployedBefore = Optional.ofNullable(savedProgress.get(PlanFactory.DEPLOY))
                .map(p -> p.phases().values().stream().allMatch(ph -> ph.steps().values().stream()
                        .allMatch(s -> s.status() == Status.COMPLETE)))
                .orElse(false);
        rebuildPlans(changed, deployedBefore);
        backend.start(frameworkStore.fetchFrameworkId(), listener);
    }

    private boolean adoptTarget(ServiceSpec spec) {
        Optional<UUID> previousId = configStore.targetId();
        Optional<ServiceSpec> previous = previousId.flatMap(configStore::fetch);
        if (previous.isEmpty()) {
            targetId = configStore.storeAsTarget(spec);
            target = spec;
            return true;
        }
        List<SpecRule.Violation> violations = configRules.validate(previous.get(), spec);
        if (!violations.isEmpty()) {
            target = previous.get();
            targetId = previousId.get();
            configErrors = violations.stream().map(v -> v.path() + ": " + v.message()).toList();
            return false;
        }
        configErrors = List.of();
        if (previous.get().equals(spec)) {
            target = previous.get();
            targetId = previousId.get();
            return false;
        }
        targetId = configStore.storeAsTarget(spec);
        target = spec;
        return true;
    }

    private void rebuildPlans(boolean targetChanged, boolean deployedBefore) {
        Map<String, Plan> built = DeploymentPlans.build(target, savedProgress, targetChanged, tasks, this::config);
        planCustomizer.accept(built);
        deploymentPlan = deployedBefore && built.containsKey(PlanFactory.UPDATE) ? PlanFactory.UPDATE : PlanFactory.DEPLOY;
        built.get(deploymentPlan).setErrors(configErrors);
        decommission.plan(target, tasks);
        plans = built;
        decommission.advance(tasks, backend, this::killGrace);
        stepByTaskId.clear();
        for (Plan plan : allPlans()) {
            for (Step step : plan.steps()) {
                step.launchedTaskIds().values().forEach(id -> stepByTaskId.put(id, step));
            }
        }
        persistProgress();
    }

    /** @return a listener calling this scheduler's event methods directly, on the backend's thread */
    public io.stratum.sdk.backend.BackendListener directListener() {
        return new DirectListener(this);
    }

    // ----- backend events -----

    /** The backend registered: remember the framework id and reconcile every known task. */
    public void onRegistered(String id) {
        frameworkId = id;
        if (!id.equals(frameworkStore.fetchFrameworkId().orElse(null))) {
            frameworkStore.storeFrameworkId(id);
        }
        reconciling.clear();
        tasks.all().stream().filter(r -> r.lastStatus().map(s -> !s.state().isTerminal()).orElse(true))
                .forEach(r -> reconciling.add(r.taskId()));
        backend.reconcile(List.copyOf(reconciling));
        backend.reconcile(List.of());
        suppressed = false;
        backend.revive();
    }

    /** New offers: launch what the plans want now, collect garbage, decline the rest. */
    public void onOffers(List<Offer> offers) {
        Instant now = clock.instant();
        decommission.offersSeen();
        if (!reconciling.isEmpty()) {
            backend.decline(offers.stream().map(Offer::id).toList(), RECONCILE_DECLINE);
            return;
        }
        List<Step> candidates = withoutLiveTasks(PlanCoordinator.candidates(priorityPlans(), now));
        Map<Step, Map<String, String>> environments = new HashMap<>();
        for (Plan plan : allPlans()) {
            if (!plan.parameters().isEmpty()) {
                plan.steps().forEach(s -> environments.put(s, plan.parameters()));
            }
        }
        OfferCycle.Result result = OfferCycle.run(offers, candidates, environments, target, targetId.toString(),
                tasks, evaluator, now);
        explanations.putAll(result.explanations());
        for (OfferCycle.Launched launched : result.launched()) {
            tasks.put(launched.records());
            launched.step().prepared();
            launched.step().launched(launched.taskIds());
            launched.taskIds().values().forEach(id -> stepByTaskId.put(id, launched.step()));
        }
        Set<String> used = result.acceptsByOffer().keySet();
        result.acceptsByOffer().forEach((offerId, ops) -> backend.accept(List.of(offerId), ops));
        List<Offer> unused = offers.stream().filter(o -> !used.contains(o.id())).toList();
        // With work left (a step waiting for its resources to come back, or for a better offer),
        // unused offers must come back soon; with none, they may stay away long.
        Duration refuse = candidates.isEmpty() && result.launched().isEmpty() ? settings.declineRefuse() : SHORT_DECLINE;
        collectGarbageOrDecline(unused, refuse);
        persistProgress();
        updateSuppression(now);
    }

    /**
     * A step relaunching tasks that still run (a config update, a restart) first kills them: their
     * reservations come back in offers once they have ended, and the step launches then.
     */
    private List<Step> withoutLiveTasks(List<Step> candidates) {
        List<Step> ready = new ArrayList<>();
        for (Step step : candidates) {
            boolean live = false;
            for (String task : step.tasks()) {
                Optional<TaskRecord> record = tasks.byName(step.podInstance().taskName(task));
                if (record.isPresent() && isLive(record.get())) {
                    live = true;
                    if (killRequested.add(record.get().taskId())) {
                        backend.kill(record.get().taskId(), killGrace(record.get()));
                    }
                }
            }
            if (!live) {
                ready.add(step);
            }
        }
        return ready;
    }

    private static boolean isLive(TaskRecord record) {
        return record.lastStatus().map(s -> !s.state().isTerminal()).orElse(true);
    }

    private void collectGarbageOrDecline(List<Offer> unused, Duration refuse) {
        if (unused.isEmpty()) {
            return;
        }
        List<Recommendation> garbage = evaluator.collectGarbage(unused, tasks.ownedResourceIds());
        Map<String, List<Recommendation>> byOffer = new LinkedHashMap<>();
        garbage.forEach(r -> byOffer.computeIfAbsent(r.offerId(), id -> new ArrayList<>()).add(r));
        byOffer.forEach((offerId, ops) -> backend.accept(List.of(offerId), ops));
        List<String> decline = unused.stream().map(Offer::id).filter(id -> !byOffer.containsKey(id)).toList();
        if (!decline.isEmpty()) {
            backend.decline(decline, refuse);
        }
    }

    /** An offer was rescinded: nothing held it. */
    public void onRescinded(String offerId) {
        // Offers are used within one onOffers call; nothing to forget.
    }

    /** A task status: record it, move steps, start recovery, acknowledge. */
    public void onStatus(TaskStatusUpdate update) {
        TaskStatus status = update.status();
        reconciling.remove(status.taskId());
        Optional<TaskRecord> record = tasks.status(status);
        if (record.isEmpty()) {
            if (!status.state().isTerminal()) {
                LOG.log(System.Logger.Level.INFO, "killing unknown task " + status.taskId());
                backend.kill(status.taskId(), settings.killGracePeriodDefault());
            }
            acknowledge(update);
            return;
        }
        TaskRecord task = record.get();
        PodInstance pod = TaskCache.podOf(task);
        Instant now = clock.instant();
        TaskSpec spec = taskSpec(task);
        if (spec != null) {
            TaskProgress progress = TaskProgressMapper.progress(spec, status);
            Step step = stepByTaskId.get(task.taskId());
            String shortName = task.name().substring(pod.name().length() + 1);
            if (step != null && step.status() != Status.COMPLETE) {
                step.update(shortName, task.taskId(), progress);
                if (progress == TaskProgress.FAILED) {
                    stepByTaskId.remove(task.taskId());
                    Duration delay = settings.backoff().delayAfter(step.failures());
                    if (!delay.isZero()) {
                        step.delayUntil(now.plus(delay));
                    }
                } else if (step.status() == Status.COMPLETE) {
                    recovery.healthy(pod);
                }
            } else if (TaskProgressMapper.needsRecovery(spec, status) && !decommission.isDecommissioning(pod)
                    && !killRequested.contains(task.taskId())) {
                recovery.failed(pod, Set.of(shortName), now);
            }
        }
        if (status.state().isTerminal() && killRequested.remove(task.taskId())) {
            lastCandidates = Set.of();
        }
        decommission.advance(tasks, backend, this::killGrace);
        acknowledge(update);
        persistProgress();
        updateSuppression(now);
    }

    /** An agent is gone: its tasks are lost. */
    public void onAgentLost(String agentId) {
        Instant now = clock.instant();
        for (TaskRecord record : List.copyOf(tasks.all())) {
            if (record.agentId().equals(agentId) && record.lastStatus().map(s -> !s.state().isTerminal()).orElse(true)) {
                onStatus(new TaskStatusUpdate(TaskStatus.of(record.taskId(), TaskState.LOST, now)
                        .withMessage("agent " + agentId + " lost"), Optional.of(agentId), Optional.empty()));
            }
        }
    }

    /** Timers: permanent-failure replacement and revives that were throttled. */
    public void tick() {
        Instant now = clock.instant();
        if (settings.permanentFailureTimeout() != null) {
            for (PodInstance pod : recovery.failingLongerThan(settings.permanentFailureTimeout(), now)) {
                replacePod(pod.name());
            }
        }
        updateSuppression(now);
    }

    // ----- commands -----

    /**
     * A config update: validated against the target; accepted, it becomes the target and the
     * deployment plan rolls the changed pods; rejected, the old target stays and the problems show
     * in the deployment plan.
     *
     * @return the violations; empty when accepted
     */
    public List<String> updateConfig(ServiceSpec spec) {
        boolean deployedBefore = plans.get(PlanFactory.DEPLOY) != null && plans.get(PlanFactory.DEPLOY).isComplete();
        boolean changed = adoptTarget(spec);
        if (changed) {
            savedProgress.remove(PlanFactory.DEPLOY);
            savedProgress.remove(PlanFactory.UPDATE);
            rebuildPlans(true, deployedBefore);
        } else {
            plans.get(deploymentPlan).setErrors(configErrors);
        }
        updateSuppression(clock.instant());
        return configErrors;
    }

    /** Restarts a pod instance in place (same reservations and volumes). */
    public List<String> restartPod(String podInstanceName) {
        PodInstance pod = podInstance(podInstanceName);
        List<TaskRecord> records = tasks.of(pod);
        killAll(records);
        recovery.restart(pod, taskNames(pod, records));
        updateSuppression(clock.instant());
        return records.stream().map(TaskRecord::name).toList();
    }

    /** Replaces a pod instance elsewhere, on fresh resources; its old ones are released. */
    public List<String> replacePod(String podInstanceName) {
        PodInstance pod = podInstance(podInstanceName);
        List<TaskRecord> records = tasks.of(pod);
        killAll(records);
        recovery.replace(pod, taskNames(pod, records));
        updateSuppression(clock.instant());
        return records.stream().map(TaskRecord::name).toList();
    }

    private PodInstance podInstance(String name) {
        for (PodInstance pod : tasks.podInstances()) {
            if (pod.name().equals(name)) {
                return pod;
            }
        }
        throw new IllegalArgumentException("no pod instance '" + name + "'");
    }

    private List<String> taskNames(PodInstance pod, List<TaskRecord> records) {
        PodSpec spec = target.pod(pod.podType());
        List<String> names = new ArrayList<>();
        for (TaskRecord r : records) {
            String shortName = r.name().substring(pod.name().length() + 1);
            if (spec != null && spec.task(shortName) != null) {
                names.add(shortName);
            }
        }
        return names.isEmpty() && spec != null ? List.copyOf(spec.tasks().keySet()) : names;
    }

    private void killAll(List<TaskRecord> records) {
        for (TaskRecord r : records) {
            if (isLive(r)) {
                stepByTaskId.remove(r.taskId());
                if (killRequested.add(r.taskId())) {
                    backend.kill(r.taskId(), killGrace(r));
                }
            }
        }
    }

    Duration killGrace(TaskRecord record) {
        TaskSpec spec = taskSpec(record);
        return spec == null || spec.killGracePeriod() == 0 ? settings.killGracePeriodDefault()
                : Duration.ofSeconds(spec.killGracePeriod());
    }

    // ----- reads (any thread) -----

    /** @return every plan by name: the declared ones, recovery and decommission */
    public Map<String, Plan> plans() {
        Map<String, Plan> out = new LinkedHashMap<>(plans);
        out.put(RecoveryManager.PLAN, recovery.plan());
        out.put(Decommissioner.PLAN, decommission.plan());
        return out;
    }

    /** @return the plan that rolls config changes now: {@code deploy}, or {@code update} after the first deploy */
    public String deploymentPlanName() {
        return deploymentPlan;
    }

    /** @return every task record, sorted by name */
    public List<TaskRecord> tasks() {
        return tasks.snapshot();
    }

    public ServiceSpec target() {
        return target;
    }

    public UUID targetId() {
        return targetId;
    }

    public Optional<String> frameworkId() {
        return Optional.ofNullable(frameworkId);
    }

    /** @return the backend's facts about a task for the API (sandbox, pid on the local backend) */
    public Map<String, String> taskInfo(String taskId) {
        return backend.taskInfo(taskId);
    }

    /** @return the ids of every stored config */
    public List<UUID> configIds() {
        return configStore.list();
    }

    /** @return why each pending step could not be placed at the last offers, by step name */
    public Map<String, String> explanations() {
        return Map.copyOf(explanations);
    }

    /** @return the config a task was launched with (cached) */
    public Optional<ServiceSpec> config(String configId) {
        try {
            UUID id = UUID.fromString(configId);
            return configCache.computeIfAbsent(id, configStore::fetch);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ----- internals -----

    private TaskSpec taskSpec(TaskRecord record) {
        PodSpec pod = target.pod(record.podType());
        if (pod == null) {
            pod = config(record.configId()).map(c -> c.pod(record.podType())).orElse(null);
        }
        if (pod == null) {
            return null;
        }
        String prefix = record.podType() + "-" + record.podIndex() + "-";
        return record.name().startsWith(prefix) ? pod.task(record.name().substring(prefix.length())) : null;
    }

    private List<Plan> allPlans() {
        List<Plan> out = new ArrayList<>(plans.values());
        out.add(recovery.plan());
        out.add(decommission.plan());
        return out;
    }

    private List<Plan> priorityPlans() {
        return DeploymentPlans.priority(plans, deploymentPlan, recovery.plan(), decommission.plan());
    }

    private void acknowledge(TaskStatusUpdate update) {
        if (update.ackId().isPresent()) {
            backend.acknowledge(update);
        }
    }

    /**
     * Suppresses offers when there is no work, and revives when work appears. A revive is needed for
     * every new candidate step even when not suppressed: declined offers stay away for the long
     * refuse time otherwise.
     */
    private void updateSuppression(Instant now) {
        List<Step> candidates = PlanCoordinator.candidates(priorityPlans(), now);
        Set<java.util.UUID> ids = new java.util.HashSet<>();
        candidates.forEach(s -> ids.add(s.id()));
        boolean fresh = !lastCandidates.containsAll(ids);
        lastCandidates = ids;
        boolean work = !candidates.isEmpty()
                || allPlans().stream().anyMatch(Plan::hasDelayedSteps);
        work |= decommission.needsOffers();
        if (work && (suppressed || fresh || revive.isPending())) {
            if (revive.tryRevive()) {
                backend.revive();
                suppressed = false;
            }
        } else if (!work && !suppressed && reconciling.isEmpty()) {
            backend.suppress();
            suppressed = true;
        }
    }

    private void persistProgress() {
        for (Plan plan : plans.values()) {
            PlanProgress progress = plan.progress();
            PlanProgress saved = savedProgress.get(plan.name());
            if (progress == saved) {
                continue; // a plan returns the same progress until it changes: no need to compare
            }
            if (!progress.equals(saved)) {
                planStore.storeJson(plan.name(), progress);
            }
            savedProgress.put(plan.name(), progress);
        }
    }

    private static Optional<PlanProgress> readProgress(byte[] bytes) {
        try {
            return Optional.of(new com.fasterxml.jackson.databind.ObjectMapper().readValue(bytes, PlanProgress.class));
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable plan progress: " + e.getMessage());
            return Optional.empty();
        }
    }

    void requireNonNullState() {
        Objects.requireNonNull(target, "start() first");
    }
}
