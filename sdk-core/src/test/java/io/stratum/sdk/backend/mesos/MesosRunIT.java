package io.stratum.sdk.backend.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.service.ServiceRuntime;
import io.stratum.sdk.spec.ServiceSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stratum run --mesos}: the whole service runtime (embedded ZooKeeper for state, scheduler,
 * API) on the mesos backend, subscribing as the service with its role and principal.
 */
class MesosRunIT {
    @RegisterExtension
    final MesosFixture fixture = new MesosFixture();

    @TempDir
    Path dir;

    @Test
    void helloWorldRunsOnMesosAsItsOwnFramework() throws Exception {
        for (int i = 1; i <= 3; i++) {
            fixture.cluster.agent("agent-" + i, 2, 2048, 4096);
        }
        TestMaster master = fixture.master();
        ServiceSpec spec = ServiceSpec.load(Path.of("..", "examples", "hello-world", "svc.yml"), Map.of());
        StringWriter output = new StringWriter();

        try (ServiceRuntime runtime = Service.builder(spec).build().start(RunOptions.builder(dir).withApiPort(0)
                .withMesos(master.uri().toString()).build(), new PrintWriter(output, true))) {
            ServiceApi service = new ServiceApi(runtime.apiUrl());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(service::deployComplete);
        }

        JsonNode info = fixture.cluster.calls("SUBSCRIBE").get(0).path("subscribe").path("framework_info");
        assertThat(info.path("name").asText()).isEqualTo("hello-world");
        assertThat(info.path("roles").toString()).isEqualTo("[\"hello-world-role\"]");
        assertThat(info.path("principal").asText()).isEqualTo("hello-world-principal");
        assertThat(fixture.cluster.calls("ACCEPT")).isNotEmpty();
    }

    @Test
    void theFrameworksMesosSettingsApplyAndTheRunFlagWinsOverThem() throws Exception {
        fixture.cluster.agent("agent-1", 2, 2048, 4096);
        TestMaster master = fixture.master();
        ServiceSpec spec = ServiceSpec.load(Path.of("..", "examples", "hello-world", "svc.yml"), Map.of());
        Service service = Service.builder(spec).mesos(mesos -> mesos.withFailoverTimeout(Duration.ofHours(2))
                .withFrameworkName("hello-world-framework")).build();

        try (ServiceRuntime runtime = service.start(RunOptions.builder(dir.resolve("a")).withApiPort(0).withAgents(1)
                .withMesos(master.uri().toString()).build(), new PrintWriter(new StringWriter(), true))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !fixture.cluster.calls("SUBSCRIBE").isEmpty());
        }
        try (ServiceRuntime runtime = service.start(RunOptions.builder(dir.resolve("b")).withApiPort(0).withAgents(1)
                .withMesos(master.uri().toString()).withMesosFailoverTimeout(Duration.ofDays(1)).build(),
                new PrintWriter(new StringWriter(), true))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.cluster.calls("SUBSCRIBE").size() == 2);
        }

        JsonNode first = fixture.cluster.calls("SUBSCRIBE").get(0).path("subscribe").path("framework_info");
        JsonNode second = fixture.cluster.calls("SUBSCRIBE").get(1).path("subscribe").path("framework_info");
        assertThat(first.path("failover_timeout").asDouble()).isEqualTo(7200.0);
        assertThat(first.path("name").asText()).isEqualTo("hello-world-framework");
        assertThat(second.path("failover_timeout").asDouble()).isEqualTo(86400.0);
    }

    @Test
    void credentialsForAnotherPrincipalAreARefusedMesosOptionAndTheWorkDirIsLeftFree() throws Exception {
        fixture.cluster.agent("agent-1", 2, 2048, 4096);
        TestMaster master = fixture.master();
        master.authorization = "Basic " + java.util.Base64.getEncoder().encodeToString("ops:pw".getBytes());
        ServiceSpec spec = ServiceSpec.load(Path.of("..", "examples", "hello-world", "svc.yml"), Map.of());
        String url = "http://ops:pw@127.0.0.1:" + master.uri().getPort();

        assertThatThrownBy(() -> Service.builder(spec).build().start(RunOptions.builder(dir).withApiPort(0).withMesos(url)
                .build(), new PrintWriter(new StringWriter(), true)))
                .isInstanceOfSatisfying(RunOptions.InvalidOptionException.class, e -> assertThat(e.option()).isEqualTo("mesos"))
                .hasMessageContaining("the Mesos credentials are for principal 'ops' but the framework's principal is"
                        + " 'hello-world-principal'");
        assertThat(fixture.cluster.calls("SUBSCRIBE")).isEmpty();

        ServiceSpec ops = ServiceSpec.load(java.nio.file.Files.writeString(dir.resolve("ops.yml"), """
                name: ops-service
                scheduler:
                  principal: ops
                pods:
                  hello:
                    count: 1
                    tasks:
                      server: {goal: RUNNING, cmd: sleep 1000, cpus: 0.1, memory: 32}
                """), Map.of());
        try (ServiceRuntime runtime = Service.builder(ops).build().start(RunOptions.builder(dir).withApiPort(0).withMesos(url).build(),
                new PrintWriter(new StringWriter(), true))) {
            ServiceApi api = new ServiceApi(runtime.apiUrl());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(api::deployComplete);
        }
    }
}
