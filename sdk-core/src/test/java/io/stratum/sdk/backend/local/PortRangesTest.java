package io.stratum.sdk.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.resource.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortRangesTest {
    @Test
    void takingPortsOutSplitsTheRanges() {
        assertThat(PortRanges.minus(List.of(new Range(10, 20)), List.of(Range.of(10), new Range(14, 15), Range.of(20))))
                .containsExactly(new Range(11, 13), new Range(16, 19));
        assertThat(PortRanges.minus(List.of(new Range(10, 20)), List.of(new Range(5, 25)))).isEmpty();
    }

    @Test
    void containsAllNeedsEveryPort() {
        List<Range> free = List.of(new Range(10, 12), new Range(14, 20));

        assertThat(PortRanges.containsAll(free, List.of(Range.of(11), new Range(15, 16)))).isTrue();
        assertThat(PortRanges.containsAll(free, List.of(new Range(12, 14)))).isFalse();
    }
}
