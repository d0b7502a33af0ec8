package io.stratum.sdk.placement;

import static io.stratum.sdk.placement.PlacementFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class FieldTest {

    @Test
    void hostnameWithAndWithoutAtSignIsTheSameField() {
        assertThat(Field.of("@hostname")).isEqualTo(Field.of("hostname")).isEqualTo(Field.hostname());
        assertThat(parse("[[\"@hostname\",\"UNIQUE\"]]")).isEqualTo(parse("hostname:UNIQUE"));
        assertThat(parse("@hostname:UNIQUE").render()).isEqualTo("[[\"hostname\",\"UNIQUE\"]]");
    }

    @Test
    void knowsWhichAgentPropertyEachFieldRefersTo() {
        assertThat(Field.of("hostname").kind()).isEqualTo(Field.Kind.HOSTNAME);
        assertThat(Field.of("@zone").kind()).isEqualTo(Field.Kind.ZONE);
        assertThat(Field.of("@region").kind()).isEqualTo(Field.Kind.REGION);
        assertThat(Field.of("rack_id")).isEqualTo(new Field.Attribute("rack_id"));
        assertThat(Field.of("rack_id").kind()).isEqualTo(Field.Kind.ATTRIBUTE);
    }

    @Test
    void rendersTheCanonicalSpelling() {
        assertThat(Field.of("@hostname").text()).isEqualTo("hostname");
        assertThat(Field.zone().text()).isEqualTo("@zone");
        assertThat(Field.region()).hasToString("@region");
        assertThat(Field.attribute("topology.example.com/rack").text()).isEqualTo("topology.example.com/rack");
    }

    @Test
    void attributeNamesAreCaseSensitive() {
        assertThat(Field.of("Rack")).isNotEqualTo(Field.of("rack"));
        assertThat(Field.of("HOSTNAME").kind()).isEqualTo(Field.Kind.ATTRIBUTE);
    }

    @Test
    void rejectsUnknownAtNamesWithASuggestion() {
        assertThatIllegalArgumentException().isThrownBy(() -> Field.of("@zon"))
                .withMessage("unknown field '@zon' (did you mean '@zone'?)");
        assertThatIllegalArgumentException().isThrownBy(() -> Field.of("@datacenter"))
                .withMessage("unknown field '@datacenter'");
    }

    @Test
    void rejectsAttributeNamesMesosCouldNotHave() {
        assertThatIllegalArgumentException().isThrownBy(() -> Field.attribute("ra ck"))
                .withMessage("invalid attribute name 'ra ck' (use letters, digits, '_', '-', '.' or '/')");
        assertThatIllegalArgumentException().isThrownBy(() -> Field.of(""))
                .withMessage("empty field name");
    }

    @Test
    void refusesAnAttributeCalledHostnameSoEachFieldHasOneValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> Field.attribute("hostname"))
                .withMessageContaining("'hostname' is not an attribute name");
    }
}
