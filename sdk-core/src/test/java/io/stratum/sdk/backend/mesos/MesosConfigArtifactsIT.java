package io.stratum.sdk.backend.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.plan.Status;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.service.ServiceRuntime;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.backend.TaskState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config templates on Mesos, end to end: the scheduler renders them at launch, its API serves them,
 * and the test master's agent fetches each {@code CommandInfo.uris} entry over real HTTP into the
 * sandbox at its {@code output_file} before the task starts, as the Mesos fetcher does.
 */
class MesosConfigArtifactsIT {
    private static final String SPEC = """
            name: conf-app
            pods:
              app:
                count: 2
                placement: hostname:UNIQUE
                tasks:
                  server:
                    goal: RUNNING
                    cmd: exec server --config conf/app.properties
                    cpus: 0.1
                    memory: 32
                    ports:
                      http:
                        port: 0
                        env-key: HTTP_PORT
                    configs:
                      app:
                        template: app.properties.mustache
                        dest: conf/app.properties
            """;
    private static final String TEMPLATE = """
            task={{TASK_NAME}}
            index={{POD_INSTANCE_INDEX}}
            listen={{HOST}}:{{HTTP_PORT}}
            """;

    @RegisterExtension
    final MesosFixture fixture = new MesosFixture();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private ServiceSpec spec;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dir.resolve("svc.yml"), SPEC);
        Files.writeString(dir.resolve("app.properties.mustache"), TEMPLATE);
        spec = ServiceSpec.load(dir.resolve("svc.yml"), Map.of());
        for (int i = 1; i <= 2; i++) {
            fixture.cluster.agent("agent-" + i, 2, 2048, 4096);
        }
    }

    @Test
    void eachTaskFetchesItsOwnRenderedConfigFromTheSchedulersApi() throws Exception {
        TestMaster master = fixture.master();
        RunOptions options = RunOptions.builder(dir.resolve("work")).withApiPort(0).withApiToken("secret-token")
                .withAgents(1).withMesos(master.uri().toString()).build();

        try (ServiceRuntime runtime = start(options)) {
            ServiceApi service = new ServiceApi(runtime.apiUrl());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(service::deployComplete);

            for (String name : new String[] {"app-0-server", "app-1-server"}) {
                ServiceApi.Task task = record(service, name);
                String host = task.agent() + ".example";
                String fetched = fixture.cluster.sandboxOf(task.id()).get("conf/app.properties");
                assertThat(fetched).as(name + "'s config, as the agent fetched it")
                        .startsWith("task=" + name + "\nindex=" + name.charAt(4) + "\nlisten=" + host + ":")
                        .matches("(?s).*listen=[^:]+:310\\d\\d\\n");

                URI api = runtime.apiUrl();
                HttpResponse<String> list = get(api + "/v1/artifacts/" + task.id());
                assertThat(list.statusCode()).isEqualTo(200);
                assertThat(list.body()).contains("\"name\" : \"app\"", "\"dest\" : \"conf/app.properties\"",
                        "\"url\" : \"" + api + "/v1/artifacts/" + task.id() + "/app\"");
                HttpResponse<String> file = get(api + "/v1/artifacts/" + task.id() + "/app");
                assertThat(file.statusCode()).isEqualTo(200);
                assertThat(file.body()).isEqualTo(fetched);
            }

            ServiceApi.Task before = record(service, "app-0-server");
            fixture.cluster.fail(before.id());
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                ServiceApi.Task now = record(service, "app-0-server");
                return !now.id().equals(before.id()) && !fixture.cluster.sandboxOf(now.id()).isEmpty();
            });
            ServiceApi.Task after = record(service, "app-0-server");
            assertThat(get(runtime.apiUrl() + "/v1/artifacts/" + before.id()).statusCode())
                    .as("an ended task's files are forgotten").isEqualTo(404);
            assertThat(fixture.cluster.sandboxOf(after.id()).get("conf/app.properties"))
                    .as("the relaunch fetched its own files").startsWith("task=app-0-server\n");
            HttpResponse<String> missing = get(runtime.apiUrl() + "/v1/artifacts/" + after.id() + "/nope");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("\"parameter\" : \"name\"", "has no artifact 'nope'; it has: app");
        }
    }

    @Test
    void aConfigTheAgentCannotFetchFailsTheTaskVisibly() throws Exception {
        TestMaster master = fixture.master();
        RunOptions options = RunOptions.builder(dir.resolve("work")).withApiPort(0).withAgents(1)
                .withMesos(master.uri().toString()).withApiUrl(URI.create("http://127.0.0.1:1")).build();
        StringWriter output = new StringWriter();

        try (ServiceRuntime runtime = Service.builder(spec).build().start(options, new PrintWriter(output, true))) {
            ServiceApi service = new ServiceApi(runtime.apiUrl());
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                    service.tasks("app-0").stream().anyMatch(t -> t.state().equals("FAILED")
                            && t.message().contains("Failed to fetch")));
            assertThat(service.deployStatus()).isNotEqualTo("COMPLETE");
        }
        assertThat(output.toString()).contains("warning: agents fetch config files from http://127.0.0.1:1,"
                + " a loopback address");
    }

    private ServiceRuntime start(RunOptions options) throws Exception {
        return Service.builder(spec).build().start(options, new PrintWriter(new StringWriter(), true));
    }

    private static ServiceApi.Task record(ServiceApi service, String name) {
        return service.tasksByName(name.substring(0, name.lastIndexOf('-'))).get(name);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
