package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.PodSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The smallest unit of a plan: launch some tasks of one pod instance and wait until each reaches
 * its goal ({@link TaskProgress#DONE}). A step carries its pod instance resolved against the config
 * its plan was built from ({@link PodInstanceRequirement}); a {@linkplain #removal removal} step
 * (decommission) launches nothing and is moved along by the scheduler itself; a
 * {@linkplain #reservingOnly() reserve-only} step places its pod instance (reserves the resources
 * of its tasks) and launches nothing: the scheduler completes it once the reservations are sent,
 * or at once when the instance is placed already.
 *
 * <p>Lifecycle, driven by the scheduler: {@link #requirement} while eligible → {@link #launched}
 * with the new task ids (STARTING) → {@link #update} with each task's progress (STARTED, then
 * COMPLETE when every task is DONE). A task that FAILS sends the step back to PENDING (relaunched
 * with a new task id), or to DELAYED when the scheduler backs off with {@link #delayUntil}; further
 * updates of that launch's other tasks leave it there (they are killed before the relaunch). Updates
 * about task ids the step did not launch are ignored, so stale and duplicate status updates are
 * harmless.
 *
 * <p>Its name is {@code <pod>-<index>:[task, ...]}. Thread-safe: every method is synchronized on the step.
 */
public final class Step extends PlanElement {
    private final PodInstance podInstance;
    private final List<String> tasks;
    private final PodInstanceRequirement launches;
    private final boolean reserveOnly;

    private Status status = Status.PENDING;
    private final Map<String, String> launchedIds = new LinkedHashMap<>();
    private final Map<String, TaskProgress> progress = new LinkedHashMap<>();
    private Instant delayedUntil;
    private int failures;

    /**
     * A step launching {@code requirement}'s tasks.
     *
     * @param id          a stable id (see {@link PlanIds})
     * @param requirement the resolved pod instance and the tasks launched together
     */
    public Step(UUID id, PodInstanceRequirement requirement) {
        this(id, requirement.podInstance(), requirement.tasks(), requirement, false);
    }

    private Step(UUID id, PodInstance podInstance, List<String> tasks, PodInstanceRequirement launches,
            boolean reserveOnly) {
        super(id, podInstance.name() + ":" + List.copyOf(tasks));
        this.podInstance = podInstance;
        this.tasks = List.copyOf(tasks);
        this.launches = launches;
        this.reserveOnly = reserveOnly;
        if (this.tasks.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one task");
        }
    }

    /**
     * @param id          a stable id (see {@link PlanIds})
     * @param podInstance the pod instance removed
     * @param tasks       the names of its tasks (at least one)
     * @return a step that launches nothing: the scheduler moves it along itself (decommission)
     */
    public static Step removal(UUID id, PodInstance podInstance, List<String> tasks) {
        return new Step(id, podInstance, tasks, null, false);
    }

    /** @return a new step like this one (pending) that only reserves its tasks' resources */
    public Step reservingOnly() {
        if (launches == null) {
            throw new IllegalStateException("a removal step reserves nothing");
        }
        return new Step(id(), podInstance, tasks, launches, true);
    }

    /** @return whether the step only places its pod instance, launching nothing */
    public boolean reservesOnly() {
        return reserveOnly;
    }

    public PodInstance podInstance() {
        return podInstance;
    }

    public List<String> tasks() {
        return tasks;
    }

    /** @return NONE for deploy and removal steps, TRANSIENT or PERMANENT for recovery steps */
    public RecoveryType recovery() {
        return launches == null ? RecoveryType.NONE : launches.recovery();
    }

    /** @return the resolved pod instance this step launches; empty for a removal */
    public Optional<PodInstanceRequirement> launches() {
        return Optional.ofNullable(launches);
    }

    @Override
    public synchronized Status status() {
        return status;
    }

    /** @return the task ids of the last launch, by task name (empty before a launch) */
    public synchronized Map<String, String> launchedTaskIds() {
        return Map.copyOf(launchedIds);
    }

    /** @return how many times a task of this step failed since the step last started afresh */
    public synchronized int failures() {
        return failures;
    }

    /** @return when a DELAYED step may go again, if it is delayed */
    public synchronized Optional<Instant> delayedUntil() {
        return status == Status.DELAYED ? Optional.ofNullable(delayedUntil) : Optional.empty();
    }

    /** @return whether the step may be given work at {@code now} */
    public synchronized boolean isEligible(Instant now) {
        return status == Status.PENDING || status == Status.DELAYED && !now.isBefore(delayedUntil);
    }

    /**
     * @param environment extra environment for the tasks (the plan's parameters)
     * @return what to launch, if the step launches something and is eligible at {@code now}
     */
    public synchronized Optional<PodInstanceRequirement> requirement(Instant now, Map<String, String> environment) {
        if (launches == null || !isEligible(now)) {
            return Optional.empty();
        }
        return Optional.of(launches.withEnvironment(environment));
    }

    /**
     * @param pod the pod's spec in a new target config
     * @return a step with the same id and state launching the same tasks of {@code pod} (those it
     *     still has; all of its tasks if none), for a step that outlives its plan's config
     */
    public synchronized Step retargeted(PodSpec pod) {
        List<String> kept = tasks.stream().filter(t -> pod.task(t) != null).toList();
        PodInstanceRequirement requirement = PodInstanceRequirement.of(pod, podInstance.index(),
                kept.isEmpty() ? List.copyOf(pod.tasks().keySet()) : kept, recovery());
        Step step = new Step(id(), requirement.podInstance(), requirement.tasks(), requirement, reserveOnly);
        step.restore(status, launchedIds, failures, delayedUntil);
        step.progress.putAll(progress);
        return step;
    }

    /** Operations for the pod instance were sent. */
    public synchronized void prepared() {
        if (status != Status.COMPLETE) {
            status = Status.PREPARED;
            revision().bump();
        }
    }

    /** The step's launch was sent: its tasks are STARTING with these ids (task name to task id). */
    public synchronized void launched(Map<String, String> taskIds) {
        launchedIds.clear();
        launchedIds.putAll(taskIds);
        progress.clear();
        taskIds.keySet().forEach(task -> progress.put(task, TaskProgress.STARTING));
        status = Status.STARTING;
        revision().bump();
    }

    /**
     * A task's progress changed. Ignored unless {@code taskId} is the id this step launched for
     * {@code task}, and once the launch is over.
     *
     * @return whether this ended the step's launch (a task FAILED, counted in {@link #failures()},
     *     or was DROPPED, not counted): the step is PENDING, to launch again
     */
    public synchronized boolean update(String task, String taskId, TaskProgress newProgress) {
        if (!taskId.equals(launchedIds.get(task)) || status == Status.COMPLETE
                || progress.values().stream().anyMatch(TaskProgress::isEnd)) {
            // A launch one of whose tasks failed or was dropped is over: the step launches again, and
            // a later status of another task of it (running, ready) must not count that one started.
            return false;
        }
        progress.put(task, newProgress);
        if (newProgress.isEnd()) {
            if (newProgress == TaskProgress.FAILED) {
                failures++;
            }
            status = Status.PENDING;
            revision().bump();
            return true;
        }
        if (progress.size() == tasks.size() && progress.values().stream().allMatch(p -> p == TaskProgress.DONE)) {
            status = Status.COMPLETE;
        } else if (progress.values().stream().anyMatch(p -> p == TaskProgress.RUNNING || p == TaskProgress.DONE)) {
            status = Status.STARTED;
        }
        revision().bump();
        return false;
    }

    /** Back off: the step is DELAYED until {@code until}, then eligible again. */
    public synchronized void delayUntil(Instant until) {
        if (status != Status.COMPLETE) {
            status = Status.DELAYED;
            delayedUntil = Objects.requireNonNull(until, "until");
            revision().bump();
        }
    }

    /** Marks the step done without waiting for its tasks. */
    public synchronized void forceComplete() {
        status = Status.COMPLETE;
        revision().bump();
    }

    /** Makes the step run again from the start. */
    public synchronized void restart() {
        status = Status.PENDING;
        launchedIds.clear();
        progress.clear();
        failures = 0;
        delayedUntil = null;
        revision().bump();
    }

    /** Puts the step in an error state (for example, its pod no longer exists). */
    public synchronized void error() {
        status = Status.ERROR;
        revision().bump();
    }

    /** Restores persisted progress (see {@link PlanProgress}). */
    synchronized void restore(Status restoredStatus, Map<String, String> taskIds, int restoredFailures,
            Instant restoredDelay) {
        status = restoredStatus;
        launchedIds.clear();
        launchedIds.putAll(taskIds);
        progress.clear();
        failures = restoredFailures;
        delayedUntil = restoredDelay;
        if (status == Status.DELAYED && delayedUntil == null) {
            status = Status.PENDING;
        }
        revision().bump();
    }
}
