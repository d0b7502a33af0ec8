package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;
import java.util.List;

/**
 * Scores agents by a pod's soft {@link PlacementPreference}s. A score only ranks agents that
 * every hard rule allows; it never rejects one, so preferences can't block placement.
 *
 * <p>Each preference adds between 0 and its weight: {@code prefer} adds its weight where the
 * field has the value; {@code avoid} adds it where the field does not (or is missing);
 * {@code spread} adds more the further the agent's value is below its share — the target
 * percentage, or an even share of the known values — after placing one more instance. The sum is
 * at most {@link #maxScore()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PreferenceScorer {
    private final Term[] terms;
    private final double maxScore;

    private record Term(PlacementPreference preference, Field field) {}

    private PreferenceScorer(List<PlacementPreference> preferences) {
        this.terms = preferences.stream().map(p -> new Term(p, Field.of(fieldOf(p)))).toArray(Term[]::new);
        this.maxScore = preferences.stream().mapToDouble(PlacementPreference::weight).sum();
    }

    /**
     * @return a scorer of {@code preferences}
     * @throws IllegalArgumentException if a preference names an invalid field
     */
    public static PreferenceScorer of(List<PlacementPreference> preferences) {
        return new PreferenceScorer(preferences);
    }

    /** @return whether there is nothing to score */
    public boolean isEmpty() {
        return terms.length == 0;
    }

    /** @return the highest score any agent can get: the sum of the weights */
    public double maxScore() {
        return maxScore;
    }

    /** @return how well {@code agent} suits one more instance of {@code podType}, 0 to {@link #maxScore()} */
    public double score(String podType, Agent agent, PlacementState state) {
        double score = 0;
        for (Term term : terms) {
            String value = FieldValues.of(agent, term.field());
            PlacementPreference preference = term.preference();
            if (preference instanceof PlacementPreference.Prefer p) {
                score += p.value().equals(value) ? p.weight() : 0;
            } else if (preference instanceof PlacementPreference.Avoid a) {
                score += a.value().equals(value) ? 0 : a.weight();
            } else if (value != null) {
                PlacementPreference.Spread s = (PlacementPreference.Spread) preference;
                score += s.weight() * spread(s, podType, term.field(), value, state);
            }
        }
        return score;
    }

    private static double spread(PlacementPreference.Spread s, String podType, Field field, String value,
            PlacementState state) {
        double target;
        if (s.targets().isEmpty()) {
            target = 1.0 / Math.max(1, state.knownValues(podType, field));
        } else {
            target = s.targets().getOrDefault(value, 0.0) / 100.0;
        }
        double after = state.instances(podType) + 1.0;
        double shareAfter = (state.count(podType, field, value) + 1.0) / after;
        // The gap between target and share is in [-1, 1]; map it to [0, 1], higher when further below target.
        return Math.max(0, Math.min(1, (1 + target - shareAfter) / 2));
    }

    private static String fieldOf(PlacementPreference preference) {
        if (preference instanceof PlacementPreference.Prefer p) {
            return p.field();
        }
        if (preference instanceof PlacementPreference.Avoid a) {
            return a.field();
        }
        return ((PlacementPreference.Spread) preference).field();
    }
}
