package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plan: phases run by an {@link ExecutionStrategy}, with the operator's controls (start, stop,
 * interrupt, continue, force-complete, restart), errors to show (its status is ERROR while there
 * are any) and parameters passed to its tasks' environment.
 *
 * <p>Thread-safe: the scheduler drives it while the API reads and controls it.
 */
public final class Plan extends ParentElement<Phase> {
    private final List<Step> steps;
    private List<String> errors = List.of();
    private Map<String, String> parameters = Map.of();
    private volatile Revision.Derived<PlanProgress> progress;
    private volatile Revision.Derived<StepSummary> summary;

    /** What the scheduler asks about all steps after every event. */
    private record StepSummary(Set<PodInstance> busy, boolean delayed) {}

    public Plan(String name, ExecutionStrategy strategy, List<Phase> phases) {
        super(PlanIds.of(name), name, strategy, phases);
        this.steps = phases().stream().flatMap(p -> p.steps().stream()).toList();
    }

    public List<Phase> phases() {
        return children();
    }

    @Override
    public synchronized List<String> errors() {
        return errors;
    }

    /** Shows {@code newErrors} in this plan (its status is ERROR while there are any). */
    public synchronized void setErrors(List<String> newErrors) {
        errors = List.copyOf(newErrors);
        revision().bump();
    }

    /** @return the parameters given at the last {@link #start}; passed to the tasks' environment */
    public synchronized Map<String, String> parameters() {
        return parameters;
    }

    /** @return the phase named {@code nameOrId} (its name or id), if any */
    public Optional<Phase> phase(String nameOrId) {
        return child(nameOrId);
    }

    /** @return every step, phase by phase */
    public List<Step> steps() {
        return steps;
    }

    /** @return the pod instances of steps that are being worked on (PREPARED, STARTING, STARTED); unmodifiable */
    public Set<PodInstance> busyPodInstances() {
        return summary().busy();
    }

    /** @return whether some step is DELAYED (backing off) */
    public boolean hasDelayedSteps() {
        return summary().delayed();
    }

    private StepSummary summary() {
        Revision.Derived<StepSummary> derived = revision().refresh(summary, () -> {
            Set<PodInstance> busy = new HashSet<>();
            boolean delayed = false;
            for (Step step : steps) {
                Status s = step.status();
                if (s.isRunning()) {
                    busy.add(step.podInstance());
                }
                delayed |= s == Status.DELAYED;
            }
            return new StepSummary(Collections.unmodifiableSet(busy), delayed);
        });
        summary = derived;
        return derived.value();
    }

    /**
     * @return steps that may start now: allowed by the plan's and phases' strategies, eligible at
     *         {@code now}, on pod instances not in {@code dirty}; at most one per pod instance
     */
    public List<Step> candidates(Set<PodInstance> dirty, Instant now) {
        Set<PodInstance> taken = new HashSet<>(dirty);
        List<Step> out = new ArrayList<>();
        for (Phase phase : strategy().candidates(phases())) {
            for (Step step : phase.candidates(taken, now)) {
                if (taken.add(step.podInstance())) {
                    out.add(step);
                }
            }
        }
        return out;
    }

    /** Starts (or restarts) the plan from the beginning with {@code newParameters}. */
    public synchronized void start(Map<String, String> newParameters) {
        parameters = Map.copyOf(newParameters);
        restart();
        strategy().reset();
        phases().forEach(p -> p.strategy().reset());
        revision().bump();
    }

    /** Stops the plan: interrupts it and resets its progress. */
    public void stop() {
        restart();
        strategy().interrupt();
    }

    /** Interrupts the plan: no new step starts until {@link #proceed()}. */
    public void interrupt() {
        strategy().interrupt();
    }

    /** {@code continue}: lifts interrupts (the plan's and its phases') and approves a waiting canary. */
    public void proceed() {
        strategy().proceed();
        phases().forEach(p -> {
            if (p.strategy().isInterrupted() || p.strategy().isWaiting(p.steps())) {
                p.strategy().proceed();
            }
        });
    }

    /** Marks every step complete. */
    public void forceComplete() {
        steps().forEach(Step::forceComplete);
    }

    /** Makes every step run again. */
    public void restart() {
        steps().forEach(Step::restart);
    }

    /** @return this plan's progress, for {@link #restore} after a scheduler restart */
    public PlanProgress progress() {
        Revision.Derived<PlanProgress> derived = revision().refresh(progress, this::currentProgress);
        progress = derived;
        return derived.value();
    }

    private synchronized PlanProgress currentProgress() {
        Map<String, PlanProgress.PhaseProgress> phaseProgress = new LinkedHashMap<>();
        for (Phase phase : phases()) {
            Map<String, PlanProgress.StepProgress> stepProgress = new LinkedHashMap<>();
            for (Step step : phase.steps()) {
                stepProgress.put(step.name(), PlanProgress.StepProgress.of(step));
            }
            phaseProgress.put(phase.name(), new PlanProgress.PhaseProgress(phase.strategy().isInterrupted(),
                    phase.strategy().approvals(), stepProgress));
        }
        return new PlanProgress(name(), strategy().isInterrupted(), strategy().approvals(), parameters, phaseProgress);
    }

    /**
     * Restores saved progress. Phases and steps are matched by name; those the saved progress does
     * not know (the spec changed) keep their fresh state.
     */
    public synchronized void restore(PlanProgress saved) {
        parameters = saved.parameters();
        revision().bump();
        strategy().restore(saved.interrupted(), saved.approvals());
        for (Phase phase : phases()) {
            PlanProgress.PhaseProgress p = saved.phases().get(phase.name());
            if (p == null) {
                continue;
            }
            phase.strategy().restore(p.interrupted(), p.approvals());
            for (Step step : phase.steps()) {
                PlanProgress.StepProgress s = p.steps().get(step.name());
                if (s != null) {
                    s.applyTo(step);
                }
            }
        }
    }
}
