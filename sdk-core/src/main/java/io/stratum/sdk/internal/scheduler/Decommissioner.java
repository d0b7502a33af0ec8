package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.internal.plan.ExecutionStrategy;
import io.stratum.sdk.internal.plan.Phase;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.internal.plan.PlanIds;
import io.stratum.sdk.internal.plan.PlanProgress;
import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The decommission plan: pod instances the target no longer has (a lowered {@code count}, or a
 * removed pod type that allowed it) are removed one at a time, highest index first, in one serial
 * phase. An instance whose pod names {@code before-decommission} tasks first runs them, in a step
 * of their own ({@code <pod>-<index>:[task, ...]}, launched like a sidecar: in place, beside its
 * running tasks, retried with backoff while they fail); its removal step waits until they
 * finished. An instance none of whose tasks still runs has nothing to decommission: that step is
 * completed without a launch. The removal step ({@code <pod>-<index>:[its other tasks]}) kills
 * the instance's tasks, then erases their state, and the reservations and volumes they held, now
 * owned by no task, are destroyed and unreserved by garbage collection at the next offers from
 * their agent.
 *
 * <p>Progress is stored like a declared plan's, so a restarted scheduler neither launches a
 * before-decommission task twice nor kills an instance whose before-decommission tasks have not
 * finished. Owned by the scheduler loop.
 */
final class Decommissioner {
    static final String PLAN = PlanFactory.DECOMMISSION;

    private final Map<PodInstance, Removal> removals = new LinkedHashMap<>();
    private Plan plan = build(List.of());
    private boolean releasePending;

    /** One instance's steps: its before-decommission tasks' (if its pod has any), then its removal. */
    private record Removal(Optional<Step> before, Step removal, Map<String, String> environment) {
        List<Step> steps() {
            List<Step> steps = new ArrayList<>(2);
            before.ifPresent(steps::add);
            steps.add(removal);
            return steps;
        }
    }

    Plan plan() {
        return plan;
    }

    /**
     * Finds the pod instances to remove under {@code target}; steps of instances already being
     * removed are kept as they are.
     *
     * @param podOf the spec of a stored task's pod: the target's, or the one it was launched with
     * @param saved this plan's stored progress, restored into new steps of the same names; may be null
     */
    void plan(ServiceSpec target, TaskCache tasks, Function<TaskRecord, Optional<PodSpec>> podOf, PlanProgress saved) {
        List<PodInstance> gone = new ArrayList<>();
        for (PodInstance pod : tasks.podInstances()) {
            PodSpec spec = target.pod(pod.podType());
            if (spec == null || pod.index() >= spec.count()) {
                gone.add(pod);
            }
        }
        gone.sort(Comparator.comparing(PodInstance::podType).thenComparing(PodInstance::index, Comparator.reverseOrder()));
        Map<PodInstance, Removal> kept = new LinkedHashMap<>();
        List<Step> created = new ArrayList<>();
        for (PodInstance pod : gone) {
            Removal removal = removals.get(pod);
            if (removal == null) {
                removal = removal(pod, tasks.of(pod), podOf);
                removal.before().ifPresent(created::add);
            }
            kept.put(pod, removal);
        }
        removals.clear();
        removals.putAll(kept);
        if (saved != null && !created.isEmpty()) {
            build(created).restore(saved);
            created.forEach(step -> RestoredSteps.resume(step, tasks, (pod, spec) -> spec));
        }
        plan = build(removals.values().stream().flatMap(r -> r.steps().stream()).toList());
    }

    private static Removal removal(PodInstance pod, List<TaskRecord> records,
            Function<TaskRecord, Optional<PodSpec>> podOf) {
        Optional<PodSpec> spec = records.stream().map(podOf).flatMap(Optional::stream).findFirst();
        Optional<Step> before = spec.flatMap(s -> BeforeDecommission.step(PLAN, s, pod.index()));
        List<String> others = BeforeDecommission.otherTasks(spec, records);
        List<String> names = others.isEmpty() ? List.of(pod.name()) : others;
        Step removal = Step.removal(PlanIds.of(PLAN, PLAN, pod.name() + ":" + names), pod, names);
        Map<String, String> environment = spec.map(s -> BeforeDecommission.portsOf(s, records)).orElse(Map.of());
        return new Removal(before, removal, environment);
    }

    boolean isDecommissioning(PodInstance pod) {
        Removal removal = removals.get(pod);
        return removal != null && !removal.removal().isComplete();
    }

    /** @return the extra environment of a before-decommission step's tasks: the ports of the instance's tasks */
    Map<String, String> environmentOf(Step step) {
        Removal removal = removals.get(step.podInstance());
        boolean before = removal != null && removal.before().filter(b -> b == step).isPresent();
        return before ? removal.environment() : Map.of();
    }

    /** @return whether garbage collection should see offers again (state was just erased) */
    boolean needsOffers() {
        return releasePending || removals.values().stream().anyMatch(r -> !r.removal().isComplete());
    }

    void offersSeen() {
        releasePending = false;
    }

    /**
     * Moves the first unfinished instance along: its before-decommission step is launched by the
     * offer cycle (or completed at once when nothing of the instance runs); then its tasks are
     * killed, and erased once all are terminal.
     */
    void advance(TaskCache tasks, ClusterBackend backend, Function<TaskRecord, Duration> grace) {
        for (Removal removal : removals.values()) {
            Step step = removal.removal();
            if (step.isComplete()) {
                continue;
            }
            List<TaskRecord> records = tasks.of(step.podInstance());
            Optional<Step> before = removal.before().filter(b -> !b.isComplete());
            if (before.isPresent()) {
                if (before.get().status().isRunning() || BeforeDecommission.othersRun(before.get(), records)) {
                    return; // launched by the offer cycle, or running: wait for its tasks to finish
                }
                before.get().forceComplete(); // nothing of the instance runs: nothing to decommission
            }
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
