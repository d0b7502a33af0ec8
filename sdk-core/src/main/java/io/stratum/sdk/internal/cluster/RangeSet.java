package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.ResourceValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Disjoint, sorted ranges of whole numbers (ports) that can be added, checked and taken away.
 * Mutable; not thread-safe.
 */
final class RangeSet {
    private List<Range> ranges;

    RangeSet(Collection<Range> ranges) {
        this.ranges = new ResourceValue.Ranges(new ArrayList<>(ranges)).ranges();
    }

    RangeSet copy() {
        return new RangeSet(ranges);
    }

    List<Range> ranges() {
        return ranges;
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    void add(Collection<Range> more) {
        List<Range> all = new ArrayList<>(ranges);
        all.addAll(more);
        ranges = new ResourceValue.Ranges(all).ranges();
    }

    /** @return whether every value of {@code wanted} is in the set */
    boolean containsAll(Collection<Range> wanted) {
        return minus(wanted, ranges).isEmpty();
    }

    /** Takes {@code gone} away; values of it that are not in the set are ignored. */
    void remove(Collection<Range> gone) {
        ranges = minus(ranges, gone);
    }

    /** @return {@code all} without {@code taken}, sorted and merged */
    static List<Range> minus(Collection<Range> all, Collection<Range> taken) {
        List<Range> left = new ResourceValue.Ranges(new ArrayList<>(all)).ranges();
        for (Range gone : taken) {
            List<Range> next = new ArrayList<>(left.size() + 1);
            for (Range r : left) {
                if (r.end() < gone.begin() || r.begin() > gone.end()) {
                    next.add(r);
                    continue;
                }
                if (r.begin() < gone.begin()) {
                    next.add(new Range(r.begin(), gone.begin() - 1));
                }
                if (r.end() > gone.end()) {
                    next.add(new Range(gone.end() + 1, r.end()));
                }
            }
            left = next;
        }
        return List.copyOf(left);
    }
}
