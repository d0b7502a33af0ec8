package io.stratum.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.internal.http.ApiServer;
import io.stratum.sdk.internal.http.SchedulerApi;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.internal.state.PropertyStore;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client commands against a real API over a scheduler deployed on the sim backend. */
class ClientCommandsTest {
    private ServiceTestRunner.Context context;
    private ApiServer server;
    private String api;

    @BeforeEach
    void deploy() throws Exception {
        var spec = SpecLoader.builder().build().load("svc.yml", """
                name: hello
                pods:
                  web:
                    count: 2
                    tasks:
                      server:
                        cmd: serve
                        cpus: 0.1
                        memory: 32
                        ports: {http: {port: 0, advertise: true}}
                  big:
                    count: 1
                    tasks:
                      server: {cmd: serve, cpus: 64, memory: 32}
                """, Path.of("."));
        context = ServiceTestRunner.builder(spec).build().run(Send.offers(), Send.offers(), Send.offers());
        ApiServer.Builder builder = ApiServer.builder();
        new SchedulerApi(context.scheduler(), null, PropertyStore.of(context.persister())).routes(builder);
        server = builder.build().start();
        api = server.uri().toString();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void podListAndStatusShowEveryInstanceAndItsTasks() {
        assertThat(CliRun.of("pod", "list", "--api", api).out().lines()).containsExactly("web-0", "web-1", "big-0");

        CliRun status = CliRun.of("pod", "status", "web-0", "--api", api);
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).startsWith("web-0\n  web-0-server RUNNING ");
    }

    @Test
    void podInfoAndUnknownPodsAreReportedWithTheParameter() {
        assertThat(CliRun.of("pod", "info", "web-1", "--api", api).out()).contains("\"name\" : \"web-1-server\"");

        CliRun unknown = CliRun.of("pod", "restart", "nope-0", "--api", api);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("API answered 404: name: no pod instance 'nope-0'");
    }

    @Test
    void endpointsListAdvertisedPortsWithTheirAddresses() {
        assertThat(CliRun.of("endpoints", "--api", api).out().lines()).containsExactly("http");
        assertThat(CliRun.of("endpoints", "http", "--api", api).out()).contains("\"address\"").contains(":10000");
    }

    @Test
    void configAndStateShowTheTargetAndTheFrameworkId() {
        String targetId = context.scheduler().targetId().toString();
        assertThat(CliRun.of("config", "list", "--api", api).out()).contains(targetId);
        assertThat(CliRun.of("config", "target", "--api", api).out()).contains("\"name\" : \"hello\"");
        assertThat(CliRun.of("state", "--api", api).out()).startsWith("framework id: ");
    }

    @Test
    void explainSaysWhyAPodIsPending() {
        CliRun run = CliRun.of("explain", "big", "--api", api);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("big-0:[server]:").contains("cpus");
        assertThat(CliRun.of("explain", "web", "--api", api).out()).contains("nothing pending for web");
        assertThat(CliRun.of("explain", "big-0", "--api", api).out()).contains("big-0:[server]:");
    }

    @Test
    void explainRefusesAPodThatDoesNotExist() {
        for (String pod : new String[] {"nosuchpod", "we", "web-", "web-7", "big-0:[server]"}) {
            CliRun run = CliRun.of("explain", pod, "--api", api);

            assertThat(run.exitCode()).as("%s", run).isEqualTo(StratumCli.BAD_INPUT);
            assertThat(run.err().lines()).as("%s", run).containsExactly("stratum explain: POD: no pod type or instance '" + pod
                    + "'; pod instances: web-0, web-1, big-0");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void podInfoOfAnUnknownPodIsOneLineNamingIt() {
        CliRun run = CliRun.of("pod", "info", "nope-0", "--api", api);

        assertThat(run.exitCode()).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(run.err().lines()).containsExactly("stratum pod info: API answered 404: name: no pod instance 'nope-0';"
                + " pod instances: web-0, web-1, big-0");
    }
}
