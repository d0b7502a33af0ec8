package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.plan.ExecutionStrategy;
import io.stratum.sdk.internal.plan.Phase;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanIds;
import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.plan.RecoveryType;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.Strategy;
import io.stratum.sdk.spec.TaskSpec;
import io.stratum.sdk.internal.state.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    static final String PLAN = "recovery";

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

    /** @return whether a recovery step (not yet complete) works on {@code pod} */
    boolean isRecovering(PodInstance pod) {
        Step step = steps.get(pod);
        return step != null && step.status() != Status.COMPLETE;
    }

    /**
     * What a task's failure relaunches: the task alone when it is not essential; else the whole pod
     * instance: every task of it that should be running and still runs, and the failed one.
     *
     * @param pod     the pod's spec
     * @param records the pod instance's task records
     * @param failed  the failed task's name within its pod
     */
    static Set<String> relaunched(PodSpec pod, List<TaskRecord> records, String failed) {
        Set<String> tasks = new LinkedHashSet<>();
        TaskSpec spec = pod == null ? null : pod.task(failed);
        if (spec != null && spec.essential()) {
            for (TaskRecord record : records) {
                String name = record.taskName();
                TaskSpec other = pod.task(name);
                boolean live = record.lastStatus().map(s -> !s.state().isTerminal()).orElse(false);
                if (other != null && other.goal() == Goal.RUNNING && live) {
                    tasks.add(name);
                }
            }
        }
        tasks.add(failed);
        return tasks;
    }

    /** A task of {@code pod} failed outside any step: relaunch it in place, backing off if it keeps failing. */
    void failed(PodInstance pod, Set<String> tasks, Instant now) {
        failingSince.putIfAbsent(pod, now);
        Instant previous = lastFailure.put(pod, now);
        if (previous != null && now.isAfter(previous.plus(stablePeriod()))) {
            consecutiveFailures.remove(pod);
        }
        int failures = consecutiveFailures.merge(pod, 1, Integer::sum);
        Step existing = steps.get(pod);
        if (existing != null && existing.status() != Status.COMPLETE) {
            if (existing.recovery() == RecoveryType.PERMANENT) {
                return;
            }
            Set<String> merged = new LinkedHashSet<>(existing.tasks());
            merged.addAll(tasks);
            if (merged.equals(new LinkedHashSet<>(existing.tasks()))) {
                return;
            }
            tasks = merged;
        }
        Step step = newStep(pod, List.copyOf(tasks), RecoveryType.TRANSIENT);
        Duration delay = backoff.delayAfter(failures);
        if (!delay.isZero()) {
            step.delayUntil(now.plus(delay));
        }
        put(pod, step);
    }

    /** An operator's restart: relaunch every task of {@code pod} in place, now. */
    void restart(PodInstance pod, List<String> tasks) {
        consecutiveFailures.remove(pod);
        put(pod, newStep(pod, tasks, RecoveryType.TRANSIENT));
    }

    /** An operator's replace (or a permanent failure): relaunch {@code pod} elsewhere on fresh resources. */
    void replace(PodInstance pod, List<String> tasks) {
        consecutiveFailures.remove(pod);
        failingSince.remove(pod);
        put(pod, newStep(pod, tasks, RecoveryType.PERMANENT));
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

    /** The pod instance is gone (decommissioned): forget it. */
    void forget(PodInstance pod) {
        consecutiveFailures.remove(pod);
        lastFailure.remove(pod);
        failingSince.remove(pod);
        if (steps.remove(pod) != null) {
            rebuild();
        }
    }

    private Step newStep(PodInstance pod, List<String> tasks, RecoveryType type) {
        String name = pod.name() + ":" + tasks;
        return new Step(PlanIds.of(PLAN, PLAN, name, type.name(), Long.toString(System.nanoTime())), pod, tasks, type);
    }

    private void put(PodInstance pod, Step step) {
        steps.put(pod, step);
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
