package io.stratum.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A framework's own rules run after the built-in ones, their violations located like any problem. */
class SpecRuleTest {
    private final Path fixture = SpecFixtures.file("valid", "volumes.yml");

    private List<String> problems(SpecRule rule) {
        SpecLoader loader = SpecLoader.builder().withRule(rule).build();
        SpecException e = catchThrowableOfType(SpecException.class, () -> loader.load(fixture));
        assertThat(e).as("the rule should fail the spec").isNotNull();
        return e.problems().stream().map(p -> p.location() + ": " + SpecFixtures.describe(p)).toList();
    }

    @Test
    void aViolationPointsAtTheFieldItNames() {
        SpecRule atLeastAGigabyte = spec -> spec.pod("hello").task("server").memory() < 1024
                ? List.of(new SpecRule.Violation("pods.hello.tasks.server.memory", "needs at least 1024 MB"))
                : List.of();

        assertThat(problems(atLeastAGigabyte)).containsExactly("15:9: pods.hello.tasks.server.memory: needs at least 1024 MB");
    }

    @Test
    void aViolationOfASingleVolumeNamesItAsWritten() {
        SpecRule noRootVolumes = spec -> spec.pod("hello").task("server").volumes().values().stream()
                .filter(v -> v.type() == VolumeType.ROOT)
                .map(v -> new SpecRule.Violation("pods.hello.tasks.server.volumes." + v.name() + ".type", "use MOUNT"))
                .toList();

        assertThat(problems(noRootVolumes)).containsExactly("18:11: pods.hello.tasks.server.volume.type: use MOUNT");
    }

    @Test
    void aSpecPassingTheRuleLoads() throws Exception {
        SpecRule never = spec -> List.of();

        assertThat(SpecLoader.builder().withRule(never).build().load(fixture).pod("hello")).isNotNull();
    }
}
