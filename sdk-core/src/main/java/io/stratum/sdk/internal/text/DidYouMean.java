package io.stratum.sdk.internal.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for a misspelt name (a spec field, an enum value, a placement operator, a
 * query parameter), by edit distance: the one way every layer suggests a name.
 */
public final class DidYouMean {
    private DidYouMean() {}

    /**
     * @return the candidate nearest to {@code word}, ignoring case, if it is a plausible typo: at
     *         most a third of the candidate's length away (at least 2 edits allowed); ties go to
     *         the earlier candidate
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String needle = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance > Math.max(2, best.length() / 3)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** @return the message suffix {@code " (did you mean 'x'?)"}, or "" when nothing is close */
    public static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    /**
     * Edit distance counting an insertion, deletion, substitution or swap of two neighbouring
     * letters as one edit (optimal string alignment), so "paht" is nearer "path" than "port".
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
