package io.stratum.sdk.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.spec.ConfigSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRendererTest {
    private static Map<String, ConfigSpec> config(String content) {
        return Map.of("app", new ConfigSpec("app", "app.conf.mustache", "conf/app.conf", content));
    }

    @Test
    void variablesAreReplacedEscapedUnlessTripleBracedAndFalseSectionsSkipped() {
        Map<String, String> rendered = ConfigRenderer.render(
                config("a={{A}} b={{{B}}} {{#DEBUG}}debug{{/DEBUG}}{{^DEBUG}}quiet{{/DEBUG}}"),
                Map.of("A", "x&y", "B", "x&y", "DEBUG", "false"));

        assertThat(rendered).containsExactly(Map.entry("conf/app.conf", "a=x&amp;y b=x&y quiet"));
    }

    @Test
    void aMissingVariableNamesTheConfigAndTheVariable() {
        assertThatThrownBy(() -> ConfigRenderer.render(config("line\nport={{PORT_HTTP}}"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("config template app (app.conf.mustache): no value for 'PORT_HTTP' on line 2");
    }
}
