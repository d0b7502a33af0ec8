package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A plan's saved progress: what a restarted scheduler needs to resume exactly where it was
 * (statuses, launched task ids, failure counts, delays, interrupts and canary approvals, plan
 * parameters). A value type; JSON-serialisable with Jackson.
 *
 * @param plan        the plan's name
 * @param interrupted whether the plan was interrupted
 * @param approvals   canary approvals given to the plan's strategy
 * @param parameters  the parameters of the last start
 * @param phases      phase progress by phase name
 */
public record PlanProgress(String plan, boolean interrupted, int approvals, Map<String, String> parameters,
        Map<String, PhaseProgress> phases) {

    public PlanProgress {
        Objects.requireNonNull(plan, "plan");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        phases = phases == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }

    /**
     * @param interrupted whether the phase was interrupted
     * @param approvals   canary approvals given to the phase's strategy
     * @param steps       step progress by step name
     */
    public record PhaseProgress(boolean interrupted, int approvals, Map<String, StepProgress> steps) {
        public PhaseProgress {
            steps = steps == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        }
    }

    /**
     * @param status             the step's status
     * @param taskIds            the task ids of its last launch, by task name
     * @param failures           failures since it last started afresh
     * @param delayedUntilMillis epoch millis a DELAYED step waits for, or 0
     */
    public record StepProgress(Status status, Map<String, String> taskIds, int failures, long delayedUntilMillis) {
        public StepProgress {
            Objects.requireNonNull(status, "status");
            taskIds = taskIds == null ? Map.of() : Map.copyOf(taskIds);
        }

        static StepProgress of(Step step) {
            return new StepProgress(step.status(), step.launchedTaskIds(), step.failures(),
                    step.delayedUntil().map(Instant::toEpochMilli).orElse(0L));
        }

        void applyTo(Step step) {
            step.restore(status, taskIds, failures, delayedUntilMillis == 0 ? null : Instant.ofEpochMilli(delayedUntilMillis));
        }
    }
}
