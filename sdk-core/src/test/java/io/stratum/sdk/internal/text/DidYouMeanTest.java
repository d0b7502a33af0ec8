package io.stratum.sdk.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> OPERATORS =
            List.of("UNIQUE", "CLUSTER", "GROUP_BY", "LIKE", "UNLIKE", "MAX_PER", "IS", "IS_NOT");

    @Test
    void measuresEditDistanceWithSwapsOfNeighbours() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("paht", "path")).isEqualTo(1);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
    }

    @Test
    void suggestsTheNearestCloseCandidate() {
        assertThat(DidYouMean.closest("UNIQ", OPERATORS)).contains("UNIQUE");
        assertThat(DidYouMean.closest("MAXPER", OPERATORS)).contains("MAX_PER");
        assertThat(DidYouMean.closest("ISNOT", OPERATORS)).contains("IS_NOT");
        assertThat(DidYouMean.closest("UNLIK", OPERATORS)).contains("UNLIKE");
        assertThat(DidYouMean.closest("phse", List.of("phase", "step"))).contains("phase");
        assertThat(DidYouMean.hint("unqiue", OPERATORS)).isEqualTo(" (did you mean 'UNIQUE'?)");
    }

    @Test
    void suggestsNothingWhenEverythingIsFar() {
        assertThat(DidYouMean.closest("SPREAD", OPERATORS)).isEmpty();
        assertThat(DidYouMean.closest("XYZ", OPERATORS)).isEmpty();
        assertThat(DidYouMean.hint("XYZ", OPERATORS)).isEmpty();
    }
}
