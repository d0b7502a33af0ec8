package io.stratum.sdk.spec;

import io.stratum.sdk.internal.spec.SpecJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every valid fixture survives the JSON form the config store keeps specs in. */
class SpecJsonRoundTripTest {

    static Stream<Arguments> fixtures() {
        return SpecFixtures.files("valid").stream().map(f -> Arguments.of(f.getFileName().toString(), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsBackEqualToTheLoadedSpec(String name, Path fixture) {
        ServiceSpec spec = SpecFixtures.load(fixture);

        String json = SpecJson.toJson(spec);

        assertThat(SpecJson.fromJson(json)).isEqualTo(spec);
        assertThat(SpecJson.toJson(SpecJson.fromJson(json))).isEqualTo(json);
    }

    @Test
    void readsASpecStoredBeforeDiscoverableAndReserveOnlyExisted() {
        ServiceSpec spec = SpecFixtures.load(SpecFixtures.files("valid").stream()
                .filter(f -> f.getFileName().toString().equals("plans.yml")).findFirst().orElseThrow());
        String stored = SpecJson.toJson(spec).replaceAll("\\s*\"discoverable\" : false,", "")
                .replaceAll(",\\s*\"reserveOnly\" : false", "");
        assertThat(stored).doesNotContain("discoverable").doesNotContain("reserveOnly");

        assertThat(SpecJson.fromJson(stored)).isEqualTo(spec);
    }

    @Test
    void rejectsJsonThatIsNoStoredSpec() {
        assertThatThrownBy(() -> SpecJson.fromJson("{\"name\": \"hello\", \"colour\": \"blue\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a stored service spec: ");
    }
}
