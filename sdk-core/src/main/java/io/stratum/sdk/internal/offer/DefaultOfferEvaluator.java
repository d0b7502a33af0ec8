package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;

import io.stratum.sdk.placement.PlacedTask;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The {@link OfferEvaluator}: each call gets its own {@link Round}. */
final class DefaultOfferEvaluator implements OfferEvaluator {
    private final Settings settings;

    DefaultOfferEvaluator(Settings settings) {
        this.settings = settings;
    }

    @Override
    public EvaluationResult evaluate(PodRequest request, List<Offer> offers, Collection<PlacedTask> placed) {
        return round(offers, placed).place(request);
    }

    @Override
    public PlacementRound round(List<Offer> offers, Collection<PlacedTask> placed) {
        return new Round(settings, offers, placed);
    }

    @Override
    public List<Operation> collectGarbage(List<Offer> offers, Set<String> owned) {
        return GarbageCollector.collect(settings.identity().role(), offers, owned);
    }
}
