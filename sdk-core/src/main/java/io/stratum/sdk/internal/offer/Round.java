package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Offer;

import io.stratum.sdk.placement.PlacedTask;
import io.stratum.sdk.placement.PlacementState;
import io.stratum.sdk.placement.Verdict;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.spec.PodSpec;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The placement engine behind {@link PlacementRound}: a {@link Ledger} per offer, the
 * {@link PlacementState}, and a {@link CandidateIndex} per demand placed more than once. A new
 * instance is searched for (best ranked allowed offer), then run through the {@link Pipeline} on
 * that one offer only; a relaunch in place goes straight to its agent's offers.
 */
final class Round implements PlacementRound {
    private final Settings settings;
    private final Ledger[] ledgers;
    private final Map<String, List<Integer>> ledgersByAgent = new HashMap<>();
    private final PlacementState state;
    private final Explainer explainer;
    private final Map<PodSpec, Map<List<String>, Demand>> demands = new IdentityHashMap<>();
    private final Map<Demand, CandidateIndex> indexes = new IdentityHashMap<>();
    private final Map<Demand, Integer> searches = new IdentityHashMap<>();

    Round(Settings settings, List<Offer> offers, Collection<PlacedTask> placed) {
        this.settings = settings;
        this.ledgers = new Ledger[offers.size()];
        List<Agent> agents = new ArrayList<>(offers.size());
        for (int i = 0; i < ledgers.length; i++) {
            ledgers[i] = new Ledger(i, offers.get(i), settings.identity().role());
            agents.add(offers.get(i).agent());
            ledgersByAgent.computeIfAbsent(ledgers[i].agent.id(), a -> new ArrayList<>()).add(i);
        }
        this.state = PlacementState.of(placed, agents);
        this.explainer = new Explainer(settings, ledgers, state);
    }

    @Override
    public EvaluationResult place(PodRequest request) {
        PodSpec pod = request.pod();
        Demand demand = demands.computeIfAbsent(pod, p -> new HashMap<>())
                .computeIfAbsent(request.tasks(), t -> new Demand(pod, t, settings));
        if (request.kind() == PodRequest.Kind.IN_PLACE) {
            List<Integer> home = ledgersByAgent.getOrDefault(request.footprint().orElseThrow().agentId(), List.of());
            for (int i : home) {
                Attempt attempt = new Attempt(settings, request, demand, ledgers[i], state);
                if (Pipeline.IN_PLACE.run(attempt)) {
                    return commit(attempt);
                }
            }
            return explainer.failure(request, demand, home);
        }
        if (request.kind() == PodRequest.Kind.REPLACE && state.agentOf(pod.name(), request.index()).isPresent()) {
            state.remove(pod.name(), request.index());
            indexes.clear(); // exclusions assumed tasks are only ever added
        }
        BitSet failed = null;
        while (true) {
            int best = search(demand, failed);
            if (best < 0) {
                return explainer.failure(request, demand, List.of());
            }
            Attempt attempt = new Attempt(settings, request, demand, ledgers[best], state);
            if (Pipeline.NEW.run(attempt)) {
                return commit(attempt);
            }
            failed = failed == null ? new BitSet() : failed; // the quick fit passed but a stage did not
            failed.set(best);
        }
    }

    @Override
    public PlacementState placement() {
        return state;
    }

    private int search(Demand demand, BitSet failed) {
        CandidateIndex index = indexes.get(demand);
        if (index == null && searches.merge(demand, 1, Integer::sum) > 1) {
            index = new CandidateIndex(demand, ledgers, settings.ranking());
            indexes.put(demand, index);
        }
        Search search = new Search(demand, state);
        if (index != null) {
            for (int i = index.first(); i >= 0 && !search.done(index.key(i)); i = index.after(i)) {
                if ((failed == null || !failed.get(i)) && search.consider(i, ledgers[i].agent, index.key(i)) == Verdict.EXCLUDE) {
                    index.exclude(i);
                }
            }
        } else {
            for (int i = 0; i < ledgers.length; i++) {
                double key = demand.key(ledgers[i].pool(demand.role), settings.ranking());
                if (key != Double.NEGATIVE_INFINITY && !search.done(key) && (failed == null || !failed.get(i))) {
                    search.consider(i, ledgers[i].agent, key);
                }
            }
        }
        return search.best;
    }

    private EvaluationResult commit(Attempt attempt) {
        Ledger ledger = attempt.ledger;
        ledger.commit(attempt.pool, attempt.reservedNow, attempt.released);
        String podType = attempt.demand.pod.name();
        if (state.agentOf(podType, attempt.request.index()).filter(a -> !a.equals(ledger.agent)).isPresent()) {
            indexes.clear(); // the instance moves: counts drop where it was, so exclusions may no longer hold
        }
        for (String task : attempt.request.tasks()) {
            state.add(new PlacedTask(podType, attempt.request.index(), task, ledger.agent));
        }
        for (CandidateIndex index : indexes.values()) {
            index.update(ledger.index);
        }
        return new EvaluationResult.Success(ledger.offer, attempt.recommendations(), attempt.footprint());
    }

    /** The best allowed offer so far, by ranking score plus preference score. */
    private static final class Search {
        private final Demand demand;
        private final PlacementState state;
        private final String podType;
        private final boolean scoring;
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;

        Search(Demand demand, PlacementState state) {
            this.demand = demand;
            this.state = state;
            this.podType = demand.pod.name();
            this.scoring = !demand.scorer.isEmpty();
        }

        /** @return whether no offer ranked {@code key} or lower can beat the best one */
        boolean done(double key) {
            return best >= 0 && key + demand.scorer.maxScore() <= bestScore;
        }

        Verdict consider(int offer, Agent agent, double key) {
            Verdict verdict = demand.rule.evaluate(podType, agent, state);
            if (verdict.allows()) {
                double score = scoring ? key + demand.scorer.score(podType, agent, state) : key;
                if (score > bestScore) {
                    best = offer;
                    bestScore = score;
                }
            }
            return verdict;
        }
    }
}
