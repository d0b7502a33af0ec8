package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.discovery.PodAddress;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanCoordinator;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.state.FrameworkStore;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.TaskSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final TargetConfig config;
    private final FrameworkStore frameworkStore;
    private final OfferEvaluator evaluator;
    private final InstantSource clock;
    private final SchedulerSettings settings;
    private final TaskCache tasks;
    private final RecoveryManager recovery;
    private final Decommissioner decommission;
    private final PodCommands pods;
    private final Kills kills;
    private final OfferDemand demand;
    private final ProgressBook progress;
    private final OfferCycle offerCycle;
    private final RecoveryResumption resumption;
    private final Map<String, String> explanations = new ConcurrentHashMap<>();
    private final Reconciliation reconciliation = new Reconciliation();

    private final PlanSet plans;
    private volatile String frameworkId;

    ServiceScheduler(SchedulerBuilder b) {
        this.backend = b.backend;
        this.frameworkStore = b.frameworkStore;
        this.evaluator = b.evaluator;
        this.clock = b.clock;
        this.settings = b.settings;
        this.config = new TargetConfig(b.configStore, b.configValidators, b.planCustomizer);
        this.tasks = new TaskCache(b.stateStore);
        this.recovery = new RecoveryManager(settings.backoff());
        this.decommission = new Decommissioner();
        this.kills = new Kills(backend, tasks, this::killGrace);
        this.pods = new PodCommands(tasks, recovery, config, b.stateStore, kills::killAll);
        this.plans = new PlanSet(recovery, decommission, settings.backoff(), this::effective);
        this.demand = new OfferDemand(backend, clock, settings.reviveInterval());
        this.progress = new ProgressBook(b.planStore);
        this.offerCycle = new OfferCycle(tasks, evaluator, config, plans, this::effective, b.taskEnvironment, b.zookeeper);
        this.resumption = new RecoveryResumption(tasks, recovery, decommission::isDecommissioning, this::effective,
                plans::relaunches);
    }

    /** @return a builder; see {@link SchedulerBuilder} */
    public static SchedulerBuilder builder() {
        return new SchedulerBuilder();
    }


    /**
     * Loads state, takes {@code spec} as the new target if it is valid and the config update rules
     * allow it (else keeps the stored target and records the refusal: {@link #lastRefused()}), builds the plans,
     * gives back the recovery steps the stored state calls for ({@link RecoveryResumption}) and
     * starts the backend, whose events go to {@code listener} (which must hand them back to this
     * scheduler's event methods on one thread: {@link SchedulerLoop} or {@link #directListener()}).
     *
     * @throws IllegalArgumentException if {@code spec} is refused and there is no valid stored target
     *     to keep (see {@link TargetConfig#propose}), or the plans of the target cannot be built;
     *     nothing is started then
     */
    public void start(ServiceSpec spec, BackendListener listener) {
        tasks.load();
        pods.load();
        progress.load();
        boolean changed = config.propose(spec, clock.instant());
        boolean deployedBefore = progress.wasComplete(PlanFactory.DEPLOY);
        rebuildPlans(changed, deployedBefore);
        resumption.resume(config.target(), clock.instant());
        backend.start(frameworkStore.fetchFrameworkId(), listener);
    }

    private void rebuildPlans(boolean targetChanged, boolean deployedBefore) {
        Map<String, Plan> built = DeploymentPlans.build(config, tasks, progress.saved(), targetChanged,
                this::effective);
        decommission.plan(config.target(), tasks, config::podOf, progress.saved().get(Decommissioner.PLAN));
        recovery.retarget(config.target());
        plans.replace(built, deployedBefore);
        decommission.advance(tasks, backend, this::killGrace);
        persistProgress();
    }

    /**
     * Stores the progress of the declared plans, and of the decommission plan while it has steps
     * (and once more when it has none left, so no finished step is restored into a later one).
     */
    private void persistProgress() {
        List<Plan> stored = new ArrayList<>(plans.declared().values());
        Plan decommissioning = decommission.plan();
        if (!decommissioning.steps().isEmpty() || progress.saved().containsKey(Decommissioner.PLAN)) {
            stored.add(decommissioning);
        }
        progress.persist(stored);
    }

    /** @return a listener calling this scheduler's event methods directly, on the backend's thread */
    public BackendListener directListener() {
        return new DirectListener(this);
    }


    /** The backend registered: remember the framework id and reconcile every known task. */
    public void onRegistered(String id) {
        frameworkId = id;
        if (!id.equals(frameworkStore.fetchFrameworkId().orElse(null))) {
            frameworkStore.storeFrameworkId(id);
        }
        reconciliation.start(tasks.all(), backend, clock.instant());
        demand.registered();
    }

    /** New offers: launch what the plans want now, collect garbage, decline the rest. */
    public void onOffers(List<Offer> offers) {
        Instant now = clock.instant();
        decommission.offersSeen();
        offerCycle.agentsOffered(offers);
        if (reconciliation.inProgress(now)) {
            backend.decline(offers.stream().map(Offer::id).toList(), RECONCILE_DECLINE);
            return;
        }
        List<Step> candidates = kills.withoutLiveTasks(PlanCoordinator.candidates(plans.byPriority(), now));
        OfferCycle.Result result = offerCycle.run(offers, candidates, now);
        explanations.putAll(result.explanations());
        for (OfferCycle.Launched launched : result.launched()) {
            if (!launched.records().isEmpty()) {
                tasks.put(launched.records());
            }
            if (launched.step().reservesOnly()) {
                launched.step().forceComplete(); // its reservations are stored, and sent below
            } else {
                plans.launched(launched.step(), launched.taskIds());
            }
        }
        // Reservations no task owns are released in the accept of the offer that holds them: with
        // the launch when that offer is used (a replacement on its old agent), on their own otherwise.
        Map<String, List<Operation>> accepts = new LinkedHashMap<>(result.acceptsByOffer());
        evaluator.collectGarbage(offers, tasks.ownedResourceIds())
                .forEach(r -> accepts.computeIfAbsent(r.offerId(), id -> new ArrayList<>()).add(r));
        accepts.forEach((offerId, ops) -> backend.accept(List.of(offerId), ops));
        // With work left (a step waiting for its resources to come back, or for a better offer),
        // unused offers must come back soon; with none, they may stay away long.
        Duration refuse = candidates.isEmpty() && result.launched().isEmpty() ? settings.declineRefuse() : SHORT_DECLINE;
        List<String> decline = offers.stream().map(Offer::id).filter(id -> !accepts.containsKey(id)).toList();
        if (!decline.isEmpty()) {
            backend.decline(decline, refuse);
        }
        persistProgress();
        updateSuppression(now);
    }

    /** An offer was rescinded: nothing held it. */
    public void onRescinded(String offerId) {
        // Offers are used within one onOffers call; nothing to forget.
    }

    /** A task status: record it, move steps, start recovery, acknowledge. */
    public void onStatus(TaskStatusUpdate update) {
        TaskStatus status = tasks.interpret(update.status());
        reconciliation.answered(status.taskId());
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
        Instant now = clock.instant();
        Optional<Status> stepStatus = plans.taskStatus(task, status, now);
        if (stepStatus.isEmpty()) {
            recoverIfFailed(task, status, now);
        } else if (stepStatus.get() == Status.COMPLETE) {
            recovery.healthy(TaskCache.podOf(task));
        }
        if (status.state().isTerminal() && kills.ended(task.taskId())) {
            demand.resourcesFreed();
        }
        decommission.advance(tasks, backend, this::killGrace);
        acknowledge(update);
        persistProgress();
        updateSuppression(now);
    }

    /**
     * A task no step waits for ended before its goal: relaunch it (and its essential peers) in place,
     * unless its end was asked for, or a declared plan's step is about to relaunch it anyway.
     */
    private void recoverIfFailed(TaskRecord task, TaskStatus status, Instant now) {
        PodInstance pod = TaskCache.podOf(task);
        TaskSpec spec = taskSpec(task);
        if (spec == null || !TaskProgressMapper.needsRecovery(spec, status) || decommission.isDecommissioning(pod)
                || kills.wasRequested(task) || plans.relaunches(task, now)) {
            return;
        }
        config.targetPodOf(task).flatMap(target -> RecoveryManager.relaunched(target, task, tasks.of(pod)))
                .ifPresent(relaunch -> recovery.failed(relaunch, now));
    }

    /**
     * An agent is gone: its tasks are lost, and the reservations of instances placed there that
     * never launched are forgotten (their steps place them anew).
     */
    public void onAgentLost(String agentId) {
        Instant now = clock.instant();
        tasks.remove(tasks.all().stream().filter(r -> r.agentId().equals(agentId) && TaskLabels.isReservation(r))
                .map(TaskRecord::name).toList());
        for (TaskRecord record : List.copyOf(tasks.all())) {
            if (record.agentId().equals(agentId) && record.lastStatus().map(s -> !s.state().isTerminal()).orElse(true)) {
                onStatus(new TaskStatusUpdate(TaskStatus.of(record.taskId(), TaskState.LOST, now)
                        .withMessage("agent " + agentId + " lost"), Optional.of(agentId), Optional.empty()));
            }
        }
    }

    /**
     * Timers and the operator's plan controls: permanent-failure replacement, a decommission step
     * an operator forced on, revives that were throttled.
     */
    public void tick() {
        Instant now = clock.instant();
        if (settings.permanentFailureTimeout() != null) {
            for (PodInstance pod : recovery.failingLongerThan(settings.permanentFailureTimeout(), now)) {
                pods.replace(pod);
            }
        }
        decommission.advance(tasks, backend, this::killGrace);
        persistProgress();
        updateSuppression(now);
    }


    /**
     * A config update, the one way a running scheduler's target changes (the API's, and so the
     * CLI's, and a framework's own): the spec is validated as the spec loader validates it, then
     * against the target by the config update rules and the framework's validators. Accepted, it
     * becomes the target and the deployment plan rolls the changed pods. Refused, nothing changes
     * (target, store, plans and their statuses, tasks) and the refusal is kept ({@link #lastRefused()}).
     *
     * @return the problems, each {@code path: message}; empty when accepted
     */
    public List<String> updateConfig(ServiceSpec spec) {
        Plan deploy = plans.declared().get(PlanFactory.DEPLOY);
        boolean deployedBefore = deploy != null && deploy.isComplete();
        boolean changed = config.propose(spec, clock.instant());
        if (changed) {
            progress.forget(PlanFactory.DEPLOY);
            progress.forget(PlanFactory.UPDATE);
            rebuildPlans(true, deployedBefore);
            updateSuppression(clock.instant());
        }
        return config.errors();
    }

    /**
     * Records a config update refused before it was a spec (the API's body was not one), so it can
     * be read back like any refusal; nothing else changes.
     */
    public void configRefused(List<String> problems) {
        config.refused(problems, clock.instant());
    }

    /** @return the last config update refused since this scheduler started, if any */
    public Optional<ConfigRefusal> lastRefused() {
        return config.lastRefused();
    }

    /** Restarts a pod instance in place (same reservations and volumes). */
    public List<String> restartPod(String podInstanceName) {
        return afterCommand(pods.restart(podInstanceName));
    }

    /** Replaces a pod instance elsewhere, on fresh resources; its old ones are released. */
    public List<String> replacePod(String podInstanceName) {
        return afterCommand(pods.replace(podInstanceName));
    }

    /** Pauses a pod instance: its tasks are relaunched in place with an idle command and no checks. */
    public List<String> pausePod(String podInstanceName) {
        return afterCommand(pods.pause(podInstanceName));
    }

    /** Resumes a paused pod instance: its tasks are relaunched in place as specified. */
    public List<String> resumePod(String podInstanceName) {
        return afterCommand(pods.resume(podInstanceName));
    }

    /** @return the pod instances paused by an operator */
    public Set<PodInstance> pausedPods() {
        return pods.paused();
    }

    private List<String> afterCommand(List<String> affected) {
        updateSuppression(clock.instant());
        return affected;
    }

    Duration killGrace(TaskRecord record) {
        TaskSpec spec = taskSpec(record);
        return spec == null || spec.killGracePeriod() == 0 ? settings.killGracePeriodDefault()
                : Duration.ofSeconds(spec.killGracePeriod());
    }


    /** @return every plan by name: the declared ones, recovery and decommission */
    public Map<String, Plan> plans() {
        return plans.all();
    }

    /** @return the plan that rolls config changes now: {@code deploy}, or {@code update} after the first deploy */
    public String deploymentPlanName() {
        return plans.deploymentName();
    }

    /** @return every task record, sorted by name */
    public List<TaskRecord> tasks() {
        return tasks.snapshot();
    }

    public ServiceSpec target() {
        return config.target();
    }

    public UUID targetId() {
        return config.targetId();
    }

    public Optional<String> frameworkId() {
        return Optional.ofNullable(frameworkId);
    }

    /** @return the backend's facts about a task for the API (sandbox, pid on the local backend) */
    public Map<String, String> taskInfo(String taskId) {
        return backend.taskInfo(taskId);
    }

    /**
     * @return every pod instance of the target placed now (holding reservations), by pod type in spec
     *     order, then index: what a framework's routes see ({@code ApiRequest.discovery}). Read from a
     *     snapshot of the task records, so safe to call from any thread; an instance whose records
     *     are being replaced at that moment shows the records of one agent, old or new.
     */
    public List<PodAddress> placedInstances() {
        Map<PodInstance, List<TaskRecord>> byInstance = new HashMap<>();
        for (TaskRecord record : tasks.snapshot()) {
            byInstance.computeIfAbsent(TaskCache.podOf(record), pod -> new ArrayList<>()).add(record);
        }
        return new Discovery(config.target(), pod -> byInstance.getOrDefault(pod, List.of())).instances();
    }

    /** @return the ids of every stored config */
    public List<UUID> configIds() {
        return config.ids();
    }

    /** @return why each pending step could not be placed at the last offers, by step name */
    public Map<String, String> explanations() {
        return Map.copyOf(explanations);
    }

    /** @return the config a task was launched with (cached) */
    public Optional<ServiceSpec> config(String configId) {
        return config.fetch(configId);
    }


    /** @return the spec a stored task runs with (see {@link TargetConfig#podOf}), or null if unknown */
    private TaskSpec taskSpec(TaskRecord record) {
        return config.podOf(record).map(pod -> effective(TaskCache.podOf(record), pod.task(record.taskName())))
                .orElse(null);
    }

    /**
     * The spec a task of {@code pod} runs with: a paused pod's idle ({@link PodCommands#effective}),
     * except in an instance being decommissioned, whose before-decommission tasks must run for real.
     */
    private TaskSpec effective(PodInstance pod, TaskSpec spec) {
        return decommission.isDecommissioning(pod) ? spec : pods.effective(pod, spec);
    }

    private void acknowledge(TaskStatusUpdate update) {
        if (update.ackId().isPresent()) {
            backend.acknowledge(update);
        }
    }

    private void updateSuppression(Instant now) {
        boolean waiting = plans.working().stream().anyMatch(Plan::hasDelayedSteps)
                || decommission.needsOffers();
        demand.update(PlanCoordinator.candidates(plans.byPriority(), now), waiting, !reconciliation.inProgress(now));
    }
}
