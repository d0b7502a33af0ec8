package io.stratum.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.stratum.sdk.spec.SpecFixtures.Expected;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture under {@code specs/invalid/} fails to load with exactly the problems its
 * {@code # expect:} lines list, in order, at those lines and columns.
 */
class InvalidSpecTest {

    static Stream<Arguments> fixtures() {
        return SpecFixtures.files("invalid").stream().map(f -> Arguments.of(f.getFileName().toString(), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsExactlyTheExpectedProblems(String name, Path fixture) {
        List<Expected> expected = SpecFixtures.expectations(fixture);
        assertThat(expected).as("%s declares its problems in '# expect:' lines", name).isNotEmpty();

        List<SpecProblem> problems = SpecFixtures.failure(fixture).problems();

        List<String> actual = IntStream.range(0, problems.size())
                .mapToObj(i -> i < expected.size() ? expected.get(i).render(problems.get(i))
                        : new Expected(0, 0, "").render(problems.get(i)))
                .toList();
        assertThat(actual).as(name).containsExactlyElementsOf(expected.stream().map(Expected::toString).toList());
        assertThat(problems).extracting(SpecProblem::file).containsOnly(fixture.toString());
    }

    @Test
    void coversAtLeastSeventyInvalidSpecs() {
        assertThat(SpecFixtures.files("invalid")).hasSizeGreaterThanOrEqualTo(70);
    }

    @Test
    void reportsEveryProblemOfAFileTogether() {
        List<SpecProblem> problems = SpecFixtures.failure(SpecFixtures.file("invalid", "many-problems.yml")).problems();

        assertThat(problems).hasSize(13);
        assertThat(problems).extracting(SpecProblem::message).anySatisfy(m -> assertThat(m).startsWith("unknown field"))
                .anySatisfy(m -> assertThat(m).startsWith("expected a number"))
                .anySatisfy(m -> assertThat(m).startsWith("must be greater than 0"))
                .anySatisfy(m -> assertThat(m).startsWith("static port 8080 is already used"))
                .anySatisfy(m -> assertThat(m).startsWith("unknown pod"));
        assertThat(problems).extracting(p -> p.location().line()).isSorted();
    }

    @Test
    void refusesAnAliasBombQuickly() {
        Path bomb = SpecFixtures.file("invalid", "yaml-alias-bomb.yml");

        SpecException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SpecFixtures.failure(bomb));

        assertThat(e.problems()).singleElement().extracting(SpecProblem::message).asString()
                .contains("more than " + YamlTreeReader.MAX_EXPANDED_NODES + " nodes");
    }

    @Test
    void formatsProblemsAsFileLineColumnPathAndMessage() {
        Path fixture = SpecFixtures.file("invalid", "number-cpus-zero.yml");

        SpecProblem problem = SpecFixtures.failure(fixture).problems().get(0);

        assertThat(problem.format())
                .isEqualTo(fixture + ":9:9: pods.hello.tasks.server.cpus: must be greater than 0, got 0");
        assertThat(SpecFixtures.failure(fixture).getMessage())
                .isEqualTo("1 problem(s) in service spec:\n" + problem.format());
    }
}
