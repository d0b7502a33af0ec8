package io.stratum.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Strict mustache rendering of spec templates. */
class TemplateRendererTest {
    private final Problems problems = new Problems("svc.yml", LineMap.identity());

    private String render(String template, Map<String, String> env) {
        Optional<String> rendered = TemplateRenderer.render(template, env, problems);
        assertThat(problems.sorted()).as("problems").isEmpty();
        return rendered.orElseThrow();
    }

    private List<String> failures(String template, Map<String, String> env) {
        assertThat(TemplateRenderer.render(template, env, problems)).isEmpty();
        return problems.sorted().stream().map(p -> p.location() + ": " + p.message()).toList();
    }

    @Test
    void replacesVariables() {
        assertThat(render("name: {{NAME}}\ncount: {{COUNT}}\n", Map.of("NAME", "hello", "COUNT", "3")))
                .isEqualTo("name: hello\ncount: 3\n");
    }

    @Test
    void escapesHtmlInDoubleBracesButNotInTripleBraces() {
        Map<String, String> env = Map.of("V", "a&b <c> \"d\"");

        assertThat(render("{{V}}", env)).isEqualTo("a&amp;b &lt;c&gt; &quot;d&quot;");
        assertThat(render("{{{V}}}", env)).isEqualTo("a&b <c> \"d\"");
        assertThat(render("{{&V}}", env)).isEqualTo("a&b <c> \"d\"");
    }

    @Test
    void leavesTextWithoutTagsAlone() {
        String text = "cmd: echo '}}' && echo {not a tag}\n";

        assertThat(render(text, Map.of())).isSameAs(text);
    }

    @Test
    void reportsAMissingVariableWithItsLine() {
        assertThat(failures("name: hello\n\ncount: {{COUNT}}\n", Map.of("NAME", "hello")))
                .containsExactly("3:8: missing template variable 'COUNT': the environment the spec is rendered with "
                        + "has no COUNT");
    }

    @Test
    void skipsSectionsOverMissingEmptyOrFalseValues() {
        String template = "{{#X}}shown{{/X}}{{^X}}hidden{{/X}}";

        assertThat(render(template, Map.of())).isEqualTo("hidden");
        assertThat(render(template, Map.of("X", ""))).isEqualTo("hidden");
        assertThat(render(template, Map.of("X", "false"))).isEqualTo("hidden");
        assertThat(render(template, Map.of("X", "FALSE"))).isEqualTo("hidden");
        assertThat(render(template, Map.of("X", "true"))).isEqualTo("shown");
        assertThat(render(template, Map.of("X", "0"))).isEqualTo("shown");
        assertThat(render(template, Map.of("X", "some value"))).isEqualTo("shown");
    }

    @Test
    void aSectionOverAValueCanUseIt() {
        assertThat(render("{{#ROLE}}role: {{ROLE}}{{/ROLE}}", Map.of("ROLE", "slave_public")))
                .isEqualTo("role: slave_public");
    }

    @Test
    void aFalseValueStillRendersAsText() {
        assertThat(render("enabled: {{FLAG}}", Map.of("FLAG", "false"))).isEqualTo("enabled: false");
    }

    @Test
    void reportsAnUnclosedSectionAtItsLine() {
        assertThat(failures("a: 1\n{{#TLS}}\nb: 2\n", Map.of("TLS", "true")))
                .containsExactly("2:1: template error: Section missing close tag 'TLS'");
    }

    /** Found by SpecLoaderFuzzIT: an empty part in a compound name threw StringIndexOutOfBoundsException. */
    @Test
    void aNameWithAnEmptyPartIsAMissingVariable() {
        assertThat(failures("a: 1\nuser: {{FRAMEWORK_US/../ER}}\n", Map.of("FRAMEWORK_USER", "nobody")))
                .allSatisfy(p -> assertThat(p).startsWith("2:").contains("missing template variable"))
                .contains("2:7: missing template variable 'FRAMEWORK_US/../ER': the environment the spec is"
                        + " rendered with has no FRAMEWORK_US/../ER");
    }

    @Test
    void aValueHasNoJavaMethodsOrFields() {
        assertThat(failures("n: {{NAME.length}}\nc: {{NAME.class}}\n", Map.of("NAME", "hello")))
                .containsExactly("1:4: missing template variable 'NAME.length': the environment the spec is rendered"
                        + " with has no NAME.length", "2:4: missing template variable 'NAME.class': the environment the"
                        + " spec is rendered with has no NAME.class");
    }

    /** Found by SpecFuzzTest (seed 7): a mustache partial made the loader throw. */
    @Test
    void aPartialIsAProblemNotACrash() {
        assertThat(failures("name: {{> other}}\n", Map.of())).singleElement()
                .satisfies(p -> assertThat(p).contains("partials ({{> other}}) are not supported"));
    }

    /** Found by SpecLoaderFuzzIT: JMustache's parser threw StringIndexOutOfBoundsException on an empty tag. */
    @Test
    void anEmptyTagIsAProblemAtItsLine() {
        assertThat(failures("a: 1\nb: {{}}\n", Map.of()))
                .containsExactly("2:4: template error: an empty tag ({{}}) names no variable");
        Problems spaced = new Problems("svc.yml", LineMap.identity());
        assertThat(TemplateRenderer.render("a: {{ }}\n", Map.of(), spaced)).isEmpty();
        assertThat(spaced.sorted()).singleElement().satisfies(p -> assertThat(p.location()).isEqualTo(
                new SpecLocation(1, 4)));
    }
}
