package io.stratum.sdk.placement;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * How many pod instances of one pod type sit on each value of one field, with the smallest count
 * over all known values kept up to date in O(1) per change (a histogram of counts), so that
 * round-robin and max-per checks never rescan the placed tasks.
 */
final class ValueCounter {
    private final Map<String, int[]> counts = new HashMap<>();
    /** frequency[c] is how many known values have count c. */
    private int[] frequency = new int[8];
    private int min;
    private int used;

    /** Makes {@code value} known, with count 0 if it was not known yet. */
    void know(String value) {
        if (!counts.containsKey(value)) {
            counts.put(value, new int[1]);
            frequency[0]++;
            min = 0;
        }
    }

    void increment(String value) {
        know(value);
        int[] count = counts.get(value);
        int c = count[0]++;
        if (c == 0) {
            used++;
        }
        if (c + 1 >= frequency.length) {
            frequency = Arrays.copyOf(frequency, frequency.length * 2);
        }
        frequency[c]--;
        frequency[c + 1]++;
        if (c == min && frequency[c] == 0) {
            min = c + 1;
        }
    }

    void decrement(String value) {
        int[] count = counts.get(value);
        if (count == null || count[0] == 0) {
            return;
        }
        int c = count[0]--;
        if (c == 1) {
            used--;
        }
        frequency[c]--;
        frequency[c - 1]++;
        min = Math.min(min, c - 1);
    }

    int count(String value) {
        int[] count = counts.get(value);
        return count == null ? 0 : count[0];
    }

    /** @return how many values have at least one instance */
    int used() {
        return used;
    }

    /** @return how many values are known, used or not */
    int known() {
        return counts.size();
    }

    /** @return the smallest count over the known values, 0 if none is known */
    int min() {
        return min;
    }
}
