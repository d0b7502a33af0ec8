package io.stratum.sdk.internal.offer;

import io.stratum.sdk.placement.PlacementState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the outcome tree of a pod instance no offer could host, only once it is known to have
 * failed: the first offers (those on its own agent first, for a relaunch) stage by stage, the rest
 * counted by the stage that stopped them, so a tree over ten thousand offers stays readable.
 */
final class Explainer {
    private final Settings settings;
    private final Ledger[] ledgers;
    private final PlacementState state;

    /** Explains failures over {@code ledgers}, the offers of a round, as {@code state} has placed instances. */
    Explainer(Settings settings, Ledger[] ledgers, PlacementState state) {
        this.settings = settings;
        this.ledgers = ledgers;
        this.state = state;
    }

    /**
     * @param request what no offer could host
     * @param demand  its demand
     * @param first   the offers to explain first (a relaunch's own agent's)
     * @return the failure, explained
     */
    EvaluationResult.Failure failure(PodRequest request, Demand demand, List<Integer> first) {
        List<Integer> order = new ArrayList<>(first);
        for (int i = 0; i < ledgers.length; i++) {
            if (!first.contains(i)) {
                order.add(i);
            }
        }
        Pipeline pipeline = Pipeline.of(request);
        List<EvaluationOutcome> children = new ArrayList<>();
        Map<String, Integer> others = new LinkedHashMap<>();
        for (int n = 0; n < order.size(); n++) {
            Attempt attempt = new Attempt(settings, request, demand, ledgers[order.get(n)], state);
            if (n < settings.maxExplainedOffers()) {
                children.add(pipeline.explain(attempt));
            } else {
                String stage = pipeline.failingStage(attempt);
                others.merge(stage == null ? "none" : stage, 1, Integer::sum);
            }
        }
        if (!others.isEmpty()) {
            int count = others.values().stream().mapToInt(Integer::intValue).sum();
            children.add(EvaluationOutcome.fail(count + " more offers, failing at " + others.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")), List.of()));
        }
        String what = request.kind() == PodRequest.Kind.IN_PLACE
                ? " (in place on agent " + request.footprint().orElseThrow().agentId() + ")" : "";
        String text = ledgers.length == 0
                ? "pod " + request.podInstanceName() + what + ": no offers to evaluate"
                : "pod " + request.podInstanceName() + what + " (tasks " + String.join(", ", request.tasks())
                        + ") fits none of " + ledgers.length + (ledgers.length == 1 ? " offer" : " offers");
        return new EvaluationResult.Failure(EvaluationOutcome.fail(text, children));
    }
}
