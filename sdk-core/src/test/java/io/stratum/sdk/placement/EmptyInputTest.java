package io.stratum.sdk.placement;

import static io.stratum.sdk.placement.PlacementFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmptyInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n  ", "[]", "  [ ]  ", "[\n]"})
    void blankTextAndAnEmptyListMeanNoConstraints(String text) {
        PlacementSpec spec = parse(text);
        assertThat(spec.isEmpty()).isTrue();
        assertThat(spec).isEqualTo(PlacementSpec.empty());
        assertThat(spec.render()).isEqualTo("[]");
    }

    @Test
    void nullTextIsAProgrammingError() {
        assertThatNullPointerException().isThrownBy(() -> PlacementParser.parse(null));
    }
}
