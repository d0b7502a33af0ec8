package io.stratum.sdk.it.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.discovery.PodAddress;
import io.stratum.sdk.discovery.TaskEnvironment;
import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ensemble of three members on the local backend (real agents on 127.0.0.x, real processes,
 * config templates rendered in the sandbox): a reserve-only phase places all three before a serial
 * phase launches any, so the first member's config file and environment already list every member
 * with its peer port; the framework's task environment adds a list of its own. The addresses are
 * those the members really run at.
 */
class EnsembleDiscoveryIT {
    private static final String SPEC = """
            name: ensemble
            pods:
              member:
                count: 3
                discoverable: true
                placement: hostname:UNIQUE
                tasks:
                  server:
                    cmd: echo "$MEMBER_0_HOST $PEERS" > seen && exec sleep 100000
                    cpus: 0.1
                    memory: 32
                    ports:
                      peer: {port: 0}
                    configs:
                      members:
                        template: members.conf.mustache
                        dest: members.conf
            plans:
              deploy:
                strategy: serial
                phases:
                  place:
                    pod: member
                    strategy: parallel
                    reserve-only: true
                  start:
                    pod: member
                    strategy: serial
            """;
    private static final String TEMPLATE = """
            me={{HOST}}:{{PORT_PEER}}
            hosts={{MEMBER_HOSTS}}
            peers={{MEMBER_ENDPOINTS_PEER}}
            """;

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    @Test
    void theFirstMemberLaunchedKnowsEveryMemberWhereItRuns() throws Exception {
        Path spec = LocalServices.writeSpec(dir.resolve("spec"), SPEC);
        Files.writeString(spec.resolveSibling("members.conf.mustache"), TEMPLATE);
        TaskEnvironment peers = task -> Map.of("PEERS", task.instancesOf("member").stream()
                .map(m -> m.name() + "=" + m.endpoint("peer")).collect(Collectors.joining(";")));
        Service service = Service.builder(LocalServices.load(spec)).taskEnvironment(peers).build();
        LocalServices.Started started = services.start(service,
                RunOptions.builder(dir.resolve("work")).withApiPort(0).build());
        ServiceApi api = started.api();
        LocalServices.awaitDeployComplete(api);

        List<PodAddress> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode info = api.get("/v1/pod/member-" + i + "/info").body().get(0);
            services.track(info.path("pid").asLong());
            assertThat(info.path("state").asText()).isEqualTo("RUNNING");
            JsonNode labels = info.path("labels");
            members.add(new PodAddress("member", i, labels.path("hostname").asText(),
                    Map.of("peer", labels.path("port.peer").asLong())));
        }
        assertThat(members).extracting(PodAddress::host).doesNotHaveDuplicates().allMatch(h -> h.startsWith("127.0.0."));
        String hosts = members.stream().map(PodAddress::host).collect(Collectors.joining(","));
        String endpoints = members.stream().map(m -> m.endpoint("peer")).collect(Collectors.joining(","));
        String named = members.stream().map(m -> m.name() + "=" + m.endpoint("peer")).collect(Collectors.joining(";"));

        for (int i = 0; i < 3; i++) {
            Path sandbox = Path.of(api.task("member-" + i).sandbox());
            assertThat(sandbox.resolve("members.conf")).hasContent(
                    "me=" + members.get(i).endpoint("peer") + "\nhosts=" + hosts + "\npeers=" + endpoints);
            int member = i;
            await().atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL).untilAsserted(() ->
                    assertThat(sandbox.resolve("seen")).as("member-%s's environment", member)
                            .hasContent(members.get(0).host() + " " + named));
        }
    }
}
