package io.stratum.sdk.placement;

import java.util.Collection;
import java.util.Optional;

/** Suggests the closest known word for a misspelt one, by Levenshtein edit distance. */
final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * @return the candidate nearest to {@code input} if it is close enough to be a plausible typo:
     *     at most a third of the candidate's length away (and at least one edit allowed); ties go
     *     to the earlier candidate
     */
    static Optional<String> closest(String input, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(input, candidate);
            if (distance < bestDistance && distance <= Math.max(1, candidate.length() / 3)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** @return the message suffix {@code " (did you mean 'X'?)"}, or "" when nothing is close */
    static String hint(String input, Collection<String> candidates) {
        return closest(input, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
