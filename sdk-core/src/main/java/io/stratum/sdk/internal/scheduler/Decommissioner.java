package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.internal.plan.ExecutionStrategy;
import io.stratum.sdk.internal.plan.Phase;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.internal.plan.PlanIds;
import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.Strategy;
import io.stratum.sdk.internal.state.TaskRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The decommission plan: pod instances the target no longer has (a lowered {@code count}, or a
 * removed pod type that allowed it) are removed one at a time, highest index first: their tasks
 * are killed, then their state is erased, and the reservations and volumes they held, now owned by
 * no task, are destroyed and unreserved by garbage collection at the next offers from their agent.
 * Owned by the scheduler loop.
 */
final class Decommissioner {
    static final String PLAN = PlanFactory.DECOMMISSION;

    private final Map<PodInstance, Step> steps = new LinkedHashMap<>();
    private Plan plan = build(List.of());
    private boolean releasePending;

    Plan plan() {
        return plan;
    }

    /** Finds the pod instances to remove under {@code target}. */
    void plan(ServiceSpec target, TaskCache tasks) {
        List<PodInstance> gone = new ArrayList<>();
        for (PodInstance pod : tasks.podInstances()) {
            PodSpec spec = target.pod(pod.podType());
            if (spec == null || pod.index() >= spec.count()) {
                gone.add(pod);
            }
        }
        gone.sort(Comparator.comparing(PodInstance::podType).thenComparing(PodInstance::index, Comparator.reverseOrder()));
        Map<PodInstance, Step> kept = new LinkedHashMap<>();
        for (PodInstance pod : gone) {
            List<String> names = tasks.of(pod).stream().map(TaskRecord::name).toList();
            kept.put(pod, steps.getOrDefault(pod, Step.removal(PlanIds.of(PLAN, pod.name()), pod,
                    names.isEmpty() ? List.of(pod.name()) : names)));
        }
        steps.clear();
        steps.putAll(kept);
        plan = build(List.copyOf(steps.values()));
    }

    boolean isDecommissioning(PodInstance pod) {
        Step step = steps.get(pod);
        return step != null && step.status() != Status.COMPLETE;
    }

    /** @return whether garbage collection should see offers again (state was just erased) */
    boolean needsOffers() {
        return releasePending || steps.values().stream().anyMatch(s -> s.status() != Status.COMPLETE);
    }

    void offersSeen() {
        releasePending = false;
    }

    /** Moves the first unfinished step along: kill its tasks, then erase them once all are terminal. */
    void advance(TaskCache tasks, ClusterBackend backend, Function<TaskRecord, Duration> grace) {
        for (Step step : steps.values()) {
            if (step.status() == Status.COMPLETE) {
                continue;
            }
            List<TaskRecord> records = tasks.of(step.podInstance());
            if (step.status() == Status.PENDING) {
                records.stream().filter(Kills::isLive).forEach(r -> backend.kill(r.taskId(), grace.apply(r)));
                step.prepared();
            }
            if (records.stream().noneMatch(Kills::isLive)) {
                tasks.remove(records.stream().map(TaskRecord::name).toList());
                step.forceComplete();
                releasePending = true;
                continue;
            }
            return;
        }
    }

    private static Plan build(List<Step> steps) {
        Phase phase = new Phase(PlanIds.of(PLAN, PLAN), PLAN, ExecutionStrategy.of(Strategy.SERIAL), steps);
        return new Plan(PLAN, ExecutionStrategy.of(Strategy.SERIAL), List.of(phase));
    }
}
