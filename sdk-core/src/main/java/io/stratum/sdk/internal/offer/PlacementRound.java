package io.stratum.sdk.internal.offer;

import io.stratum.sdk.placement.PlacementState;
import java.util.ArrayList;
import java.util.List;

/**
 * Places many pod instances over one set of offers, one after the other, each seeing what the
 * previous ones took: the offers' remaining resources and where instances now are. This is the
 * batch API — a deploy phase that reserves all its instances before launching any, or a scheduler
 * pass over many pending steps — and it is much faster per instance than separate evaluations, as
 * offers are indexed once per pod and kept ranked as they fill.
 *
 * <p>Create one with {@link OfferEvaluator#round}. Not thread-safe: one thread places at a time.
 * Results are final: a successful placement is counted by every later one; a failed one leaves the
 * round unchanged, except that a {@linkplain PodRequest.Kind#REPLACE replaced} instance's old
 * placement is forgotten either way.
 */
public interface PlacementRound {

    /** @return where {@code request} goes on the remaining offers, or why it can't go anywhere */
    EvaluationResult place(PodRequest request);

    /** @return the result of each request, placed in order */
    default List<EvaluationResult> placeAll(List<PodRequest> requests) {
        List<EvaluationResult> results = new ArrayList<>(requests.size());
        for (PodRequest request : requests) {
            results.add(place(request));
        }
        return results;
    }

    /** @return where instances are now, including those placed in this round; do not modify */
    PlacementState placement();
}
