package io.stratum.sdk.internal.offer;

import io.stratum.sdk.resource.Range;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The free ports of one pool: sorted, disjoint ranges in primitive arrays, so that checking and
 * taking ports costs no allocation on the evaluation hot path. Mutable; copied per attempt.
 */
final class PortSet {
    private long[] begins;
    private long[] ends;
    private int size;
    private long free;

    PortSet() {
        this(new long[2], new long[2], 0, 0);
    }

    private PortSet(long[] begins, long[] ends, int size, long free) {
        this.begins = begins;
        this.ends = ends;
        this.size = size;
        this.free = free;
    }

    PortSet copy() {
        return new PortSet(Arrays.copyOf(begins, Math.max(size, 1)), Arrays.copyOf(ends, Math.max(size, 1)), size, free);
    }

    /** Adds {@code ranges}, which must not overlap the ports already held. */
    void addAll(List<Range> ranges) {
        for (Range r : ranges) {
            insert(r.begin(), r.end());
        }
    }

    long free() {
        return free;
    }

    boolean contains(long port) {
        int i = find(port);
        return i >= 0;
    }

    /** Removes {@code port}, which must be free. */
    void take(long port) {
        int i = find(port);
        if (i < 0) {
            throw new IllegalStateException("port " + port + " is not free");
        }
        free--;
        if (begins[i] == ends[i]) {
            System.arraycopy(begins, i + 1, begins, i, size - i - 1);
            System.arraycopy(ends, i + 1, ends, i, size - i - 1);
            size--;
        } else if (begins[i] == port) {
            begins[i]++;
        } else if (ends[i] == port) {
            ends[i]--;
        } else {
            long end = ends[i];
            ends[i] = port - 1;
            free -= end - port;
            insert(port + 1, end);
        }
    }

    /** Gives {@code port} back. */
    void give(long port) {
        if (!contains(port)) {
            insert(port, port);
        }
    }

    /** @return the lowest free port within {@code [low, high]}, or -1 */
    long first(long low, long high) {
        for (int i = 0; i < size; i++) {
            if (ends[i] >= low && begins[i] <= high) {
                return Math.max(begins[i], low);
            }
        }
        return -1;
    }

    List<Range> ranges() {
        List<Range> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Range(begins[i], ends[i]));
        }
        return out;
    }

    private int find(long port) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (ends[mid] < port) {
                low = mid + 1;
            } else if (begins[mid] > port) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private void insert(long begin, long end) {
        if (size == begins.length) {
            begins = Arrays.copyOf(begins, size * 2 + 1);
            ends = Arrays.copyOf(ends, size * 2 + 1);
        }
        int at = 0;
        while (at < size && begins[at] < begin) {
            at++;
        }
        System.arraycopy(begins, at, begins, at + 1, size - at);
        System.arraycopy(ends, at, ends, at + 1, size - at);
        begins[at] = begin;
        ends[at] = end;
        size++;
        free += end - begin + 1;
    }
}
