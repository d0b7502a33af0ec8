package io.stratum.sdk.backend.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.backend.ArtifactStore;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.spec.TaskSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config templates rendered at launch, published as artifacts and named in {@code CommandInfo.uris}. */
class ConfigArtifactsTest {
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
                      log:
                        template: log.mustache
                        dest: ./log.properties
                  plain:
                    goal: RUNNING
                    cmd: sleep 1000
                    cpus: 0.1
                    memory: 32
            """;

    @TempDir
    Path specDir;

    private final FrameworkSettings framework = new FrameworkSettings("u", "app", new FrameworkSettings.Roles("r", Set.of()),
            "p", Duration.ofDays(1));
    private final ArtifactStore store = new ArtifactStore(URI.create("http://scheduler.example:8080/"));
    private final TaskInfoJson tasks = new TaskInfoJson(framework, new ResourceJson(framework), new ConfigArtifacts(store));

    @Test
    void theAgentFetchesEachRenderedConfigFromTheApiIntoTheSandbox() throws Exception {
        JsonNode info = tasks.toJson(launch("server", "name={{TASK_NAME}} quote='{{{QUOTE}}}'\nhost={{HOST}}\n"),
                Agent.of("a1", "node-1"), "r");

        JsonNode command = info.path("command");
        assertThat(command.path("value").asText()).isEqualTo("cat conf/app.conf");
        assertThat(command.path("uris")).hasSize(2);
        JsonNode app = command.path("uris").get(0);
        assertThat(app.path("value").asText()).isEqualTo("http://scheduler.example:8080/v1/artifacts/app-0-server__1/app");
        assertThat(app.path("output_file").asText()).isEqualTo("conf/app.conf");
        assertThat(app.path("extract").asBoolean(true)).isFalse();
        assertThat(app.path("cache").asBoolean(true)).isFalse();
        assertThat(app.path("executable").asBoolean(true)).isFalse();
        assertThat(command.path("uris").get(1).path("output_file").asText()).isEqualTo("log.properties");

        assertThat(new String(store.get("app-0-server__1", "app").orElseThrow().content(), StandardCharsets.UTF_8))
                .isEqualTo("name=app-0-server quote='it''s'\nhost=node-1\n");
        assertThat(store.get("app-0-server__1", "log").orElseThrow().dest()).isEqualTo("log.properties");

        Protos.TaskInfo parsed = ProtoCheck.taskInfo(info.toString());
        assertThat(parsed.getCommand().getUrisList()).extracting(Protos.CommandInfo.URI::getOutputFile)
                .containsExactly("conf/app.conf", "log.properties");
    }

    @Test
    void aTaskWithoutConfigsFetchesNothing() throws Exception {
        JsonNode info = tasks.toJson(launch("plain", "unused"), Agent.of("a1", "node-1"), "r");

        assertThat(info.path("command").has("uris")).isFalse();
        assertThat(store.taskIds()).isEmpty();
    }

    @Test
    void aTemplateThatDoesNotRenderFailsTheLaunchAndPublishesNothing() throws Exception {
        assertThatThrownBy(() -> tasks.toJson(launch("server", "{{MISSING}}"), Agent.of("a1", "node-1"), "r"))
                .isInstanceOf(LaunchRejected.class)
                .hasMessage("config template app (app.conf.mustache): no value for 'MISSING' on line 1");
        assertThat(store.taskIds()).isEmpty();
    }

    @Test
    void withoutAnArtifactStoreATaskWithConfigsCannotLaunch() throws Exception {
        TaskInfoJson unserved = new TaskInfoJson(framework, new ResourceJson(framework), new ConfigArtifacts(null));

        assertThatThrownBy(() -> unserved.toJson(launch("server", "x"), Agent.of("a1", "node-1"), "r"))
                .isInstanceOf(LaunchRejected.class)
                .hasMessageContaining("app-0-server has config templates, but no API serves them");
    }

    @Test
    void forgettingATaskRemovesItsFiles() throws Exception {
        ConfigArtifacts configs = new ConfigArtifacts(store);
        configs.uris(launch("server", "x"), Map.of());
        assertThat(store.taskIds()).containsExactly("app-0-server__1");

        configs.forget("app-0-server__1");

        assertThat(store.taskIds()).isEmpty();
    }

    private TaskLaunch launch(String task, String template) throws Exception {
        Files.writeString(specDir.resolve("app.conf.mustache"), template);
        Files.writeString(specDir.resolve("log.mustache"), "level=INFO\n");
        TaskSpec spec = SpecLoader.builder().build().load("svc.yml", YAML, specDir).pod("app").task(task);
        return new TaskLaunch("app-0-" + task + "__1", "app-0", spec, Map.of("QUOTE", "it''s"), Map.of(), List.of());
    }
}
