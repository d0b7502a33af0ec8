package io.stratum.sdk.placement;

import static io.stratum.sdk.placement.PlacementFixtures.constraint;
import static io.stratum.sdk.placement.PlacementFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTest {

    @Test
    void rendersTheCanonicalJsonListForm() {
        assertThat(parse("@hostname:unique, rack:like:r[1-3]").render())
                .isEqualTo("[[\"hostname\",\"UNIQUE\"],[\"rack\",\"LIKE\",\"r[1-3]\"]]");
        assertThat(parse("[['@zone', 'group_by', 3]]")).hasToString("[[\"@zone\",\"GROUP_BY\",\"3\"]]");
    }

    @Test
    void everyOperatorSurvivesRenderingAndParsingBack() {
        PlacementSpec spec = new PlacementSpec(PlacementFixtures.everyOperator().toList());
        assertThat(parse(spec.render())).isEqualTo(spec);
    }

    @Test
    void valuesWithQuotesBackslashesAndSeparatorsSurvive() {
        PlacementSpec spec = PlacementSpec.of(
                constraint("rack", "IS", "say \"hi\" it's"),
                constraint("rack", "LIKE", "r\\d+,[:\\]]\\\\"),
                constraint("rack", "IS_NOT", "trailing\\"));
        assertThat(parse(spec.render())).isEqualTo(spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "hostname:UNIQUE,rack:LIKE:r\\,[0-9]",
        "[[[\"hostname\",\"MAX_PER\",\"1\"]],[\"@region\",\"CLUSTER\"]]",
        "['rack_id', 'unlike', 'r\\\\d']",
    })
    void anySyntaxRendersToTextThatParsesBackEqual(String text) {
        PlacementSpec spec = parse(text);
        assertThat(parse(spec.render())).isEqualTo(spec);
        assertThat(parse(spec.render()).render()).isEqualTo(spec.render());
    }
}
