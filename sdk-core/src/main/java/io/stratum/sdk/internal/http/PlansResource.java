package io.stratum.sdk.internal.http;

import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiRequest;
import io.stratum.sdk.http.ApiResponse;
import io.stratum.sdk.internal.plan.Phase;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.plan.Status;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code /v1/plans}: list and show plans, and the operator's controls. {@code GET
 * /v1/plans/{plan}} answers 200 when the plan is complete, 202 while it is not, and 417 when it
 * has errors (as the DC/OS SDK did). Controls take the optional query parameters {@code phase}
 * and {@code step} (a name or an id).
 */
public final class PlansResource {
    private static final Set<String> PHASE = Set.of("phase");
    private static final Set<String> PHASE_AND_STEP = Set.of("phase", "step");
    private final PlanRegistry registry;

    public PlansResource(PlanRegistry registry) {
        this.registry = registry;
    }

    /** Adds this resource's routes to {@code builder}. */
    public ApiServer.Builder register(ApiServer.Builder builder) {
        return builder
                .route("GET", "/v1/plans", r -> ApiResponse.ok(List.copyOf(registry.plans().keySet())))
                .route("GET", "/v1/plans/{plan}", this::show)
                .route("POST", "/v1/plans/{plan}/start", r -> act(r, "start", plan -> plan.start(r.bodyAsStringMap("body"))))
                .route("POST", "/v1/plans/{plan}/stop", r -> act(r, "stop", Plan::stop))
                .route("POST", "/v1/plans/{plan}/continue", PHASE, r -> phaseAct(r, "continue", Plan::proceed,
                        p -> p.strategy().proceed()))
                .route("POST", "/v1/plans/{plan}/interrupt", PHASE, r -> phaseAct(r, "interrupt", Plan::interrupt,
                        p -> p.strategy().interrupt()))
                .route("POST", "/v1/plans/{plan}/forceComplete", PHASE_AND_STEP, r -> stepAct(r, "forceComplete",
                        Plan::forceComplete, p -> p.steps().forEach(Step::forceComplete), Step::forceComplete))
                .route("POST", "/v1/plans/{plan}/restart", PHASE_AND_STEP, r -> stepAct(r, "restart",
                        Plan::restart, p -> p.steps().forEach(Step::restart), Step::restart));
    }

    private ApiResponse show(ApiRequest request) {
        Plan plan = plan(request);
        Status status = plan.status();
        int code = status == Status.COMPLETE ? 200 : status == Status.ERROR ? 417 : 202;
        return new ApiResponse(code, PlanViews.of(plan));
    }

    private Plan plan(ApiRequest request) {
        String name = request.pathParam("plan");
        Plan plan = registry.plans().get(name);
        if (plan == null) {
            throw ApiException.notFound("plan", "no plan '" + name + "'; plans: " + String.join(", ", registry.plans().keySet()));
        }
        return plan;
    }

    private ApiResponse act(ApiRequest request, String command, Consumer<Plan> action) {
        Plan plan = plan(request);
        action.accept(plan);
        registry.changed(plan);
        return ApiResponse.message("Received cmd: " + command);
    }

    private ApiResponse phaseAct(ApiRequest request, String command, Consumer<Plan> onPlan,
            Consumer<Phase> onPhase) {
        Plan plan = plan(request);
        Optional<Phase> phase = phase(plan, request);
        if (phase.isPresent()) {
            onPhase.accept(phase.get());
        } else {
            onPlan.accept(plan);
        }
        registry.changed(plan);
        return ApiResponse.message("Received cmd: " + command);
    }

    private ApiResponse stepAct(ApiRequest request, String command, Consumer<Plan> onPlan,
            Consumer<Phase> onPhase, Consumer<Step> onStep) {
        Plan plan = plan(request);
        Optional<Phase> phase = phase(plan, request);
        Optional<String> stepName = named(request, "step");
        if (stepName.isPresent() && phase.isEmpty()) {
            throw ApiException.badRequest("phase", "'step' needs 'phase' too");
        }
        if (stepName.isPresent()) {
            Step step = phase.get().step(stepName.get()).orElseThrow(() -> ApiException.notFound("step",
                    "no step '" + stepName.get() + "' in phase '" + phase.get().name() + "'"));
            onStep.accept(step);
        } else if (phase.isPresent()) {
            onPhase.accept(phase.get());
        } else {
            onPlan.accept(plan);
        }
        registry.changed(plan);
        return ApiResponse.message("Received cmd: " + command);
    }

    private static Optional<Phase> phase(Plan plan, ApiRequest request) {
        Optional<String> name = named(request, "phase");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(plan.phase(name.get()).orElseThrow(() -> ApiException.notFound("phase",
                "no phase '" + name.get() + "' in plan '" + plan.name() + "'")));
    }

    /** A query parameter naming a phase or step: absent, or not empty (an empty one would mean the whole plan). */
    private static Optional<String> named(ApiRequest request, String parameter) {
        String value = request.query().get(parameter);
        if (value != null && value.isBlank()) {
            throw ApiException.badRequest(parameter, "'" + parameter + "' is empty: name a " + parameter
                    + " (or its id), or leave the parameter out to act on the whole plan");
        }
        return Optional.ofNullable(value);
    }
}
