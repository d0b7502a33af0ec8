package io.stratum.sdk.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceValueTest {

    @Test
    void rangesAreSortedAndMerged() {
        ResourceValue.Ranges ranges = new ResourceValue.Ranges(List.of(new Range(10, 12), new Range(1, 3), new Range(4, 5),
                new Range(11, 20)));

        assertThat(ranges.ranges()).containsExactly(new Range(1, 5), new Range(10, 20));
        assertThat(ranges.size()).isEqualTo(16);
        assertThat(ranges.contains(7)).isFalse();
        assertThat(ranges.contains(15)).isTrue();
        assertThat(ranges).hasToString("[[1-5], [10-20]]");
    }

    @Test
    void rangesRejectBackwardsBounds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Range(5, 4)).withMessage("bad range [5-4]");
        assertThat(Range.of(8)).hasToString("[8]");
    }

    @Test
    void scalarsAreFiniteAndNotNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> ResourceValue.scalar(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> ResourceValue.scalar(Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> ResourceValue.scalar(Double.POSITIVE_INFINITY));
        assertThat(ResourceValue.scalar(512)).hasToString("512");
        assertThat(ResourceValue.scalar(0.5)).hasToString("0.5");
    }

    @Test
    void itemsAreASortedSet() {
        assertThat(new ResourceValue.Items(Set.of("b", "a"))).hasToString("{a,b}");
        assertThat(ResourceValue.items("x").items()).containsExactly("x");
    }
}
