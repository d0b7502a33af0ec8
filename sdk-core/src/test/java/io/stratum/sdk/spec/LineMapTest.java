package io.stratum.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Lines of a rendered spec map back to the template lines the author wrote. */
class LineMapTest {

    /** Renders {@code template} with {@code env} and gives the template line of each rendered line. */
    private static int[] templateLines(String template, Map<String, String> env) {
        Problems problems = new Problems("svc.yml", LineMap.identity());
        String rendered = TemplateRenderer.render(template, env, problems).orElseThrow();
        return templateLines(LineMap.between(template, rendered, env), rendered);
    }

    private static int[] templateLines(LineMap map, String rendered) {
        return IntStream.rangeClosed(1, rendered.split("\n", -1).length)
                .map(line -> map.toTemplate(new SpecLocation(line, 1)).line())
                .toArray();
    }

    @Test
    void anUnchangedTemplateMapsEachLineToItself() {
        LineMap map = LineMap.between("a: 1\nb: 2\n", "a: 1\nb: 2\n");

        assertThat(map.toTemplate(new SpecLocation(2, 4))).isEqualTo(new SpecLocation(2, 4));
    }

    @Test
    void linesAfterARemovedSectionMapPastIt() {
        String template = """
                name: hello
                {{#DEBUG}}
                debug: true
                trace: true
                {{/DEBUG}}
                count: 1
                """;

        assertThat(templateLines(template, Map.of("DEBUG", "false"))).containsExactly(1, 6, 7);
    }

    @Test
    void linesOfARenderedSectionMapToTheirOwnLines() {
        String template = """
                name: hello
                {{#DEBUG}}
                debug: true
                {{/DEBUG}}
                {{^DEBUG}}
                debug: false
                {{/DEBUG}}
                count: 1
                """;

        assertThat(templateLines(template, Map.of("DEBUG", "true"))).containsExactly(1, 3, 8, 9);
        assertThat(templateLines(template, Map.of("DEBUG", "false"))).containsExactly(1, 6, 8, 9);
    }

    @Test
    void aValueSpanningLinesKeepsTheLineOfItsVariable() {
        String template = "cmd: |\n  {{{CMD}}}\ncpus: 0\n";

        assertThat(templateLines(template, Map.of("CMD", "./start\n  --verbose\n  --debug")))
                .containsExactly(1, 2, 2, 2, 3, 4);
    }

    @Test
    void aSkippedSectionHoldingTheSameLineAsWhatFollowsDoesNotShiftTheMapping() {
        String template = """
                {{#A}}
                cpus: 0.1
                {{/A}}
                cpus: 0.1
                cpus: 0.1
                """;

        assertThat(templateLines(template, Map.of())).containsExactly(4, 5, 6);
    }

    @Test
    void matchingByTextFindsLinesPastARemovedSectionLiterally() {
        String template = "{{#A}}\ncmd: (a|b)*\n{{/A}}\ncmd: a\ncmd: (a|b)* {{X}}\n";
        String rendered = "cmd: a\ncmd: (a|b)* x\n";

        assertThat(templateLines(LineMap.between(template, rendered), rendered)).containsExactly(4, 5, 6);
    }

    @Test
    void keepsTheColumnAndLeavesUnknownLinesAlone() {
        LineMap map = LineMap.between("{{#A}}\nx: 1\n{{/A}}\ny: 2\n", "y: 2\n", Map.of());

        assertThat(map.toTemplate(new SpecLocation(1, 4))).isEqualTo(new SpecLocation(4, 4));
        assertThat(map.toTemplate(SpecLocation.UNKNOWN)).isEqualTo(SpecLocation.UNKNOWN);
        assertThat(map.toTemplate(new SpecLocation(99, 1))).isEqualTo(new SpecLocation(99, 1));
    }
}
