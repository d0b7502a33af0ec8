package io.stratum.sdk.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.resource.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeSetTest {
    @Test
    void takingPortsOutSplitsTheRanges() {
        assertThat(RangeSet.minus(List.of(new Range(10, 20)), List.of(Range.of(10), new Range(14, 15), Range.of(20))))
                .containsExactly(new Range(11, 13), new Range(16, 19));
        assertThat(RangeSet.minus(List.of(new Range(10, 20)), List.of(new Range(5, 25)))).isEmpty();
    }

    @Test
    void containsAllNeedsEveryPort() {
        RangeSet free = new RangeSet(List.of(new Range(10, 12), new Range(14, 20)));

        assertThat(free.containsAll(List.of(Range.of(11), new Range(15, 16)))).isTrue();
        assertThat(free.containsAll(List.of(new Range(12, 14)))).isFalse();
    }

    @Test
    void addedRangesAreMergedAndRemovedOnesSplitThem() {
        RangeSet set = new RangeSet(List.of(new Range(10, 12)));

        set.add(List.of(new Range(13, 15)));
        set.remove(List.of(Range.of(12)));

        assertThat(set.ranges()).containsExactly(new Range(10, 11), new Range(13, 15));
    }
}
