package io.stratum.sdk.backend.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.offer.TaskLaunch;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.spec.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config templates rendered at launch and written by the task's own shell, run here for real. */
class ConfigFilesTest {
    private static final String YAML = """
            name: app
            pods:
              app:
                count: 1
                tasks:
                  server:
                    goal: RUNNING
                    cmd: cat conf/app.conf
                    cpus: 0.1
                    memory: 32
                    configs:
                      app:
                        template: app.conf.mustache
                        dest: conf/app.conf
            """;

    @TempDir
    Path specDir;
    @TempDir
    Path sandbox;

    private final FrameworkSettings framework = new FrameworkSettings("u", "app", "r", Set.of(), "p", Duration.ofDays(1));
    private final TaskInfoJson tasks = new TaskInfoJson(framework, new ResourceJson(framework));

    @Test
    void theCommandWritesTheRenderedConfigIntoTheSandboxBeforeItRuns() throws Exception {
        JsonNode info = tasks.toJson(launch("name={{TASK_NAME}} quote='{{{QUOTE}}}'\nhost={{HOST}}\n"), Agent.of("a1", "node-1"), "r");

        Process shell = new ProcessBuilder("/bin/sh", "-c", info.path("command").path("value").asText())
                .directory(sandbox.toFile()).redirectErrorStream(true).start();
        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();

        String expected = "name=app-0-server quote='it''s'\nhost=node-1\n";
        assertThat(new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(Files.readString(sandbox.resolve("conf/app.conf"))).isEqualTo(expected);
    }

    @Test
    void aTemplateThatDoesNotRenderFailsTheLaunch() throws Exception {
        assertThatThrownBy(() -> tasks.toJson(launch("{{MISSING}}"), Agent.of("a1", "node-1"), "r"))
                .isInstanceOf(LaunchRejected.class)
                .hasMessage("config template app (app.conf.mustache): no value for 'MISSING' on line 1");
    }

    private TaskLaunch launch(String template) throws Exception {
        Files.writeString(specDir.resolve("app.conf.mustache"), template);
        TaskSpec spec = SpecLoader.builder().build().load("svc.yml", YAML, specDir).pod("app").task("server");
        return new TaskLaunch("app-0-server__1", "app-0", spec, Map.of("QUOTE", "it''s"), Map.of(), List.of());
    }
}
