package io.stratum.sdk.backend.sim;

import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.ResourceValue;
import java.util.ArrayList;
import java.util.List;

/** Disjoint, sorted ranges (ports) that can be added, checked and taken away. Mutable; not thread-safe. */
final class RangeSet {
    private List<Range> ranges;

    RangeSet(List<Range> ranges) {
        this.ranges = new ResourceValue.Ranges(ranges).ranges();
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

    void add(List<Range> more) {
        List<Range> all = new ArrayList<>(ranges);
        all.addAll(more);
        ranges = new ResourceValue.Ranges(all).ranges();
    }

    /** @return whether every value of {@code wanted} is in the set */
    boolean containsAll(List<Range> wanted) {
        for (Range w : wanted) {
            if (ranges.stream().noneMatch(r -> r.begin() <= w.begin() && w.end() <= r.end())) {
                return false;
            }
        }
        return true;
    }

    /** Takes {@code gone} away; the caller has checked {@link #containsAll}. */
    void remove(List<Range> gone) {
        for (Range g : gone) {
            List<Range> left = new ArrayList<>(ranges.size() + 1);
            for (Range r : ranges) {
                if (r.end() < g.begin() || r.begin() > g.end()) {
                    left.add(r);
                    continue;
                }
                if (r.begin() < g.begin()) {
                    left.add(new Range(r.begin(), g.begin() - 1));
                }
                if (r.end() > g.end()) {
                    left.add(new Range(g.end() + 1, r.end()));
                }
            }
            ranges = List.copyOf(left);
        }
    }
}
