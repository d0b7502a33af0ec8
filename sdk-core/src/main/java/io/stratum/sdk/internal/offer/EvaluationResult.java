package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import java.util.List;
import java.util.Objects;

/**
 * The answer to "where does this pod instance go?": a {@link Success} naming the offer and the
 * operations to send, or a {@link Failure} explaining in words why no offer would do.
 */
public sealed interface EvaluationResult permits EvaluationResult.Success, EvaluationResult.Failure {

    /** @return whether the pod instance was placed */
    boolean isSuccess();

    /**
     * The pod instance fits {@code offer}.
     *
     * @param offer           the chosen offer (as it was before this placement)
     * @param recommendations the operations to send, in order, ending with the launch
     * @param footprint       what the instance holds on the agent afterwards, to be stored for relaunches
     */
    record Success(Offer offer, List<Operation> recommendations, PodFootprint footprint)
            implements EvaluationResult {
        public Success {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(footprint, "footprint");
            recommendations = List.copyOf(recommendations);
        }

        @Override
        public boolean isSuccess() {
            return true;
        }

        /** @return the recommendations of type {@code type}, in order */
        public <T extends Operation> List<T> recommendations(Class<T> type) {
            return recommendations.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** @return the launch recommendation */
        public Operation.Launch launch() {
            return recommendations(Operation.Launch.class).get(0);
        }
    }

    /**
     * No offer fits.
     *
     * @param outcome why: the pod instance at the root, the offers below it, the stages below those
     */
    record Failure(EvaluationOutcome outcome) implements EvaluationResult {
        public Failure {
            Objects.requireNonNull(outcome, "outcome");
        }

        @Override
        public boolean isSuccess() {
            return false;
        }
    }
}
