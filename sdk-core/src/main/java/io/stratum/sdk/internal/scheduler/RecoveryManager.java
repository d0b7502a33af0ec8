package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.plan.ExecutionStrategy;
import io.stratum.sdk.internal.plan.Phase;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.internal.plan.PlanIds;
import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.plan.PodInstanceRequirement;
import io.stratum.sdk.internal.plan.RecoveryType;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.Strategy;
import io.stratum.sdk.spec.TaskSpec;
import io.stratum.sdk.internal.state.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recovery plan: one step per pod instance being recovered. A failed task is relaunched in
 * place (TRANSIENT: same agent, same reservations and volumes) with, when it is essential (the
 * default), every other task of its pod instance that runs (they are killed first), at once the first time and then
 * with exponential backoff while it keeps failing; an operator's {@code replace}, or failures
 * lasting longer than the permanent-failure timeout, relaunch the whole pod elsewhere on fresh
 * resources (PERMANENT). Owned by the scheduler loop.
 */
final class RecoveryManager {
    static final String PLAN = PlanFactory.RECOVERY;

    private final Backoff backoff;
    private final Map<PodInstance, Step> steps = new LinkedHashMap<>();
    private final Map<PodInstance, Integer> consecutiveFailures = new HashMap<>();
    private final Map<PodInstance, Instant> failingSince = new HashMap<>();
    private final Map<PodInstance, Instant> lastFailure = new HashMap<>();
    private Plan plan = emptyPlan();

    RecoveryManager(Backoff backoff) {
        this.backoff = backoff;
    }

    Plan plan() {
        return plan;
    }

    /**
     * What a task's failure relaunches: the task alone when it is not essential; else the whole pod
     * instance: every task of it that should be running and still runs, and the failed one.
     *
     * @param pod     the pod's spec in the target config
     * @param failed  the failed task's record
     * @param records the pod instance's task records
     * @return the relaunch in place (TRANSIENT); empty if the pod no longer has the failed task
     */
    static Optional<PodInstanceRequirement> relaunched(PodSpec pod, TaskRecord failed, List<TaskRecord> records) {
        return relaunched(pod, List.of(failed), records);
    }

    /**
     * As {@link #relaunched(PodSpec, TaskRecord, List)} for several tasks of one instance that ended:
     * one relaunch of them all, with every running task of the instance when one of them is essential.
     *
     * @return the relaunch in place (TRANSIENT); empty if the pod has none of the failed tasks
     */
    static Optional<PodInstanceRequirement> relaunched(PodSpec pod, List<TaskRecord> failed, List<TaskRecord> records) {
        List<TaskRecord> known = failed.stream().filter(r -> pod.task(r.taskName()) != null).toList();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Set<String> tasks = new LinkedHashSet<>();
        if (known.stream().anyMatch(r -> pod.task(r.taskName()).essential())) {
            for (TaskRecord record : records) {
                String name = record.taskName();
                TaskSpec other = pod.task(name);
                boolean live = record.lastStatus().map(s -> !s.state().isTerminal()).orElse(false);
                if (other != null && other.goal() == Goal.RUNNING && live) {
                    tasks.add(name);
                }
            }
        }
        known.forEach(r -> tasks.add(r.taskName()));
        return Optional.of(PodInstanceRequirement.of(pod, known.get(0).podIndex(), List.copyOf(tasks),
                RecoveryType.TRANSIENT));
    }

    /**
     * A task failed outside any step: relaunch {@code relaunch}'s tasks in place (with those an
     * unfinished recovery step of the instance already relaunches), backing off if it keeps failing.
     */
    void failed(PodInstanceRequirement relaunch, Instant now) {
        PodInstance pod = relaunch.podInstance();
        failingSince.putIfAbsent(pod, now);
        Instant previous = lastFailure.put(pod, now);
        if (previous != null && now.isAfter(previous.plus(stablePeriod()))) {
            consecutiveFailures.remove(pod);
        }
        int failures = consecutiveFailures.merge(pod, 1, Integer::sum);
        Step existing = steps.get(pod);
        List<String> tasks = relaunch.tasks();
        if (existing != null && existing.status() != Status.COMPLETE) {
            if (existing.recovery() == RecoveryType.PERMANENT) {
                return;
            }
            Set<String> merged = new LinkedHashSet<>(existing.tasks());
            merged.addAll(tasks);
            if (merged.equals(new LinkedHashSet<>(existing.tasks()))) {
                return;
            }
            tasks = List.copyOf(merged);
        }
        Step step = newStep(PodInstanceRequirement.of(relaunch.podSpec(), relaunch.index(), tasks, RecoveryType.TRANSIENT));
        Duration delay = backoff.delayAfter(failures);
        if (!delay.isZero()) {
            step.delayUntil(now.plus(delay));
        }
        put(step);
    }

    /** @return whether {@code pod} has a recovery step that has not completed */
    boolean isRecovering(PodInstance pod) {
        Step step = steps.get(pod);
        return step != null && step.status() != Status.COMPLETE;
    }

    /** An operator's restart: relaunch the instance's tasks in place, now. */
    void restart(PodInstanceRequirement relaunch) {
        consecutiveFailures.remove(relaunch.podInstance());
        put(newStep(relaunch));
    }

    /** An operator's replace (or a permanent failure): relaunch the instance elsewhere on fresh resources. */
    void replace(PodInstanceRequirement replacement) {
        consecutiveFailures.remove(replacement.podInstance());
        failingSince.remove(replacement.podInstance());
        put(newStep(replacement));
    }

    /**
     * The target changed: recovery steps relaunch their pod as the new target has it; instances it
     * no longer has are forgotten (the decommission plan removes them).
     */
    void retarget(ServiceSpec target) {
        Set<PodInstance> known = new HashSet<>(steps.keySet());
        known.addAll(lastFailure.keySet());
        known.addAll(failingSince.keySet());
        known.stream().filter(pod -> specIn(target, pod).isEmpty()).forEach(this::forget);
        if (!steps.isEmpty()) {
            steps.replaceAll((pod, step) -> step.retargeted(specIn(target, pod).orElseThrow()));
            rebuild();
        }
    }

    /** @return the spec of {@code pod}'s type in {@code target}, if the target has that instance */
    private static Optional<PodSpec> specIn(ServiceSpec target, PodInstance pod) {
        return Optional.ofNullable(target.pod(pod.podType())).filter(spec -> pod.index() < spec.count());
    }

    /** @return pod instances failing for longer than {@code timeout} that are not already being replaced */
    List<PodInstance> failingLongerThan(Duration timeout, Instant now) {
        List<PodInstance> out = new ArrayList<>();
        failingSince.forEach((pod, since) -> {
            Step step = steps.get(pod);
            boolean replacing = step != null && step.recovery() == RecoveryType.PERMANENT && step.status() != Status.COMPLETE;
            if (!replacing && !now.isBefore(since.plus(timeout))) {
                out.add(pod);
            }
        });
        return out;
    }

    /**
     * The pod's tasks all reached their goal again: it is no longer failing (for the permanent
     * failure timeout). Its failure count stays: a task that crashes soon after starting is a crash
     * loop and keeps backing off; only a failure after a stable period starts the count afresh.
     */
    void healthy(PodInstance pod) {
        failingSince.remove(pod);
    }

    /** Twice the longest backoff: a task that ran this long without failing is considered stable. */
    private Duration stablePeriod() {
        return backoff.max().multipliedBy(2);
    }

    /** The pod instance is gone: forget it. */
    private void forget(PodInstance pod) {
        consecutiveFailures.remove(pod);
        lastFailure.remove(pod);
        failingSince.remove(pod);
        if (steps.remove(pod) != null) {
            rebuild();
        }
    }

    private static Step newStep(PodInstanceRequirement relaunch) {
        String name = relaunch.podInstance().name() + ":" + relaunch.tasks();
        return new Step(PlanIds.of(PLAN, PLAN, name, relaunch.recovery().name(), Long.toString(System.nanoTime())),
                relaunch);
    }

    private void put(Step step) {
        steps.put(step.podInstance(), step);
        rebuild();
    }

    private void rebuild() {
        Phase phase = new Phase(PlanIds.of(PLAN, PLAN), PLAN, ExecutionStrategy.of(Strategy.PARALLEL),
                List.copyOf(steps.values()));
        plan = new Plan(PLAN, ExecutionStrategy.of(Strategy.PARALLEL), List.of(phase));
    }

    private static Plan emptyPlan() {
        return new Plan(PLAN, ExecutionStrategy.of(Strategy.PARALLEL),
                List.of(new Phase(PlanIds.of(PLAN, PLAN), PLAN, ExecutionStrategy.of(Strategy.PARALLEL), List.of())));
    }
}
