package io.stratum.sdk.backend.local;

import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.ResourceValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Arithmetic on port ranges: what is left of an agent's ports once its reservations are taken out. */
final class PortRanges {
    private PortRanges() {}

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

    /** @return whether every port of {@code wanted} is in {@code free} */
    static boolean containsAll(Collection<Range> free, Collection<Range> wanted) {
        return minus(wanted, free).isEmpty();
    }
}
