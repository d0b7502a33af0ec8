package io.stratum.sdk.internal.http;

import io.stratum.sdk.internal.plan.Phase;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.plan.Status;
import java.util.List;
import java.util.Locale;

/**
 * The JSON shapes of plans, as in the DC/OS SDK's v1 API (so its clients carry over), with the
 * strategy added.
 */
final class PlanViews {
    private PlanViews() {}

    record StepView(String id, String name, String status, String message) {}

    record PhaseView(String id, String name, String strategy, String status, List<StepView> steps) {}

    record PlanView(String name, String strategy, String status, List<String> errors, List<PhaseView> phases) {}

    static PlanView of(Plan plan) {
        List<PhaseView> phases = plan.phases().stream().map(PlanViews::of).toList();
        return new PlanView(plan.name(), plan.strategy().kind().specName(), plan.status().name(), plan.errors(), phases);
    }

    private static PhaseView of(Phase phase) {
        return new PhaseView(phase.id().toString(), phase.name(), phase.strategy().kind().specName(),
                phase.status().name(), phase.steps().stream().map(PlanViews::of).toList());
    }

    private static StepView of(Step step) {
        Status status = step.status();
        return new StepView(step.id().toString(), step.name(), status.name(), message(step, status));
    }

    private static String message(Step step, Status status) {
        return switch (status) {
            case PENDING -> step.failures() > 0
                    ? "waiting to relaunch after " + step.failures() + " failure(s)"
                    : "waiting for resources";
            case DELAYED -> "backing off after " + step.failures() + " failure(s) until "
                    + step.delayedUntil().map(Object::toString).orElse("?");
            case PREPARED -> "operations sent";
            case STARTING -> "tasks launched: " + step.launchedTaskIds().values();
            case STARTED -> "tasks running, waiting for their goal (readiness or exit)";
            case COMPLETE -> "complete";
            case ERROR -> "error";
            default -> status.name().toLowerCase(Locale.ROOT);
        };
    }
}
