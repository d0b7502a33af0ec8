package io.stratum.sdk.internal.offer;

import io.stratum.sdk.resource.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages a pod instance goes through on one offer, in order: for a new instance or a
 * replacement placement, executor overhead, cpus, mem, gpus, static then dynamic ports, volumes,
 * launch; for an instance placed before, its agent and its reservations instead of placement.
 * {@link #run} is the fast path; {@link #explain} runs the same stages and says what happened.
 */
final class Pipeline {
    private static final List<Stage> RESOURCES = List.of(
            new Stage("executor overhead", OverheadStage::run),
            new Stage(Resource.CPUS, new ScalarStage(Resource.CPUS)::run),
            new Stage(Resource.MEM, new ScalarStage(Resource.MEM)::run),
            new Stage(Resource.GPUS, new ScalarStage(Resource.GPUS)::run),
            new Stage("static ports", new PortStage(false)::run),
            new Stage("dynamic ports", new PortStage(true)::run),
            new Stage("volumes", VolumeStage::run),
            new Stage("launch", LaunchStage::run));
    static final Pipeline NEW = new Pipeline(List.of(new Stage("placement", PlacementStage::run)));
    static final Pipeline IN_PLACE = new Pipeline(List.of(new Stage("agent", AgentStage::run),
            new Stage("reservations", ReservationStage::run)));

    private final Stage[] stages;

    private Pipeline(List<Stage> first) {
        List<Stage> all = new ArrayList<>(first);
        all.addAll(RESOURCES);
        this.stages = all.toArray(Stage[]::new);
    }

    static Pipeline of(PodRequest request) {
        return request.kind() == PodRequest.Kind.IN_PLACE ? IN_PLACE : NEW;
    }

    /** @return whether every stage passed; if not, the attempt holds the reason */
    boolean run(Attempt attempt) {
        for (Stage stage : stages) {
            if (!stage.run(attempt)) {
                return false;
            }
        }
        return true;
    }

    /** @return the name of the first stage that fails, or null if all pass */
    String failingStage(Attempt attempt) {
        for (Stage stage : stages) {
            if (!stage.run(attempt)) {
                return stage.name();
            }
        }
        return null;
    }

    /** @return the offer's outcome: one child per stage run, the failed one with its reason */
    EvaluationOutcome explain(Attempt attempt) {
        List<EvaluationOutcome> children = new ArrayList<>();
        String title = attempt.ledger.offer.describe();
        for (Stage stage : stages) {
            if (!stage.run(attempt)) {
                String reason = attempt.failure();
                children.add(EvaluationOutcome.fail(stage.name() + ": " + reason, List.of()));
                return EvaluationOutcome.fail(title + ": " + reason, children);
            }
            children.add(EvaluationOutcome.pass(stage.name()));
        }
        return new EvaluationOutcome(true, title + ": fits", children);
    }
}
