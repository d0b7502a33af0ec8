package io.stratum.sdk.it.replacedaddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.http.ApiHandler;
import io.stratum.sdk.http.ApiResponse;
import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seed-like ensemble on the local backend (real agents on 127.0.0.x, real processes, the real
 * API): a framework route, {@code GET /v1/seeds}, answers where the nodes are over HTTP; after
 * {@code pod replace}, the replacement (on another agent: each agent has room for one node) finds
 * the address of the agent it moved off in {@code STRATUM_REPLACED_ADDRESS}, which the first
 * launches did not have, and the route answers the new address.
 */
class ReplacedAddressIT {
    /** More than half an agent's CPU shares (the machine's processors): one node per agent. */
    private static final String CPUS = String.format(Locale.ROOT, "%.2f",
            Runtime.getRuntime().availableProcessors() * 0.6);
    private static final String SPEC = """
            name: seeded
            pods:
              node:
                count: 2
                tasks:
                  server:
                    cmd: env > env && exec sleep 100000
                    cpus: %s
                    memory: 32
                    ports: {native: {port: 0}}
            """.formatted(CPUS);

    /** The nodes' {@code host:native} endpoints, by index, from the placed instances. */
    private static final ApiHandler SEEDS = request -> ApiResponse.ok(request.discovery().stream()
            .filter(a -> a.podType().equals("node")).map(a -> a.endpoint("native")).toList());

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    private record Node(String taskId, String host, String port, Path sandbox) {
        String endpoint() {
            return host + ":" + port;
        }
    }

    private Node node(ServiceApi api, int index) {
        JsonNode info = api.get("/v1/pod/node-" + index + "/info").body().get(0);
        services.track(info.path("pid").asLong());
        JsonNode labels = info.path("labels");
        return new Node(info.path("id").asText(), labels.path("hostname").asText(), labels.path("port.native").asText(),
                Path.of(info.path("sandbox").asText()));
    }

    private static List<String> seeds(ServiceApi api) {
        ServiceApi.Reply reply = api.get("/v1/seeds");
        assertThat(reply.code()).as("GET /v1/seeds answered %s", reply.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        reply.body().forEach(n -> out.add(n.asText()));
        return out;
    }

    /** @return the lines of the {@code env} file the task wrote: its environment, one {@code NAME=value} a line */
    private static List<String> environment(Path sandbox) {
        await().atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> Files.exists(sandbox.resolve("env")) && Files.size(sandbox.resolve("env")) > 0);
        try {
            return Files.readString(sandbox.resolve("env")).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theReplacementKnowsTheOldAgentsAddressAndTheRouteTheNewOne() throws Exception {
        Path spec = LocalServices.writeSpec(dir.resolve("spec"), SPEC);
        Service service = Service.builder(LocalServices.load(spec)).endpoint("/v1/seeds", SEEDS).build();
        ServiceApi api = services.start(service, RunOptions.builder(dir.resolve("work")).withApiPort(0).build()).api();
        LocalServices.awaitDeployComplete(api);

        Node old0 = node(api, 0);
        Node node1 = node(api, 1);
        assertThat(List.of(old0.host(), node1.host())).doesNotHaveDuplicates().allMatch(h -> h.startsWith("127.0.0."));
        assertThat(seeds(api)).containsExactly(old0.endpoint(), node1.endpoint());
        assertThat(environment(old0.sandbox())).as("a first launch's environment")
                .noneMatch(line -> line.startsWith("STRATUM_REPLACED_ADDRESS=")).contains("STRATUM_AGENT_ADDRESS=" + old0.host());

        ServiceApi.Reply reply = api.post("/v1/pod/node-0/replace");
        assertThat(reply.code()).as("replace answered %s", reply.body()).isEqualTo(200);
        await("node-0 replaced").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> api.running("node-0").filter(t -> !t.id().equals(old0.taskId())).isPresent());
        Node new0 = node(api, 0);

        assertThat(new0.host()).as("moved off its agent").isNotEqualTo(old0.host()).isNotEqualTo(node1.host());
        assertThat(environment(new0.sandbox()))
                .contains("STRATUM_REPLACED_ADDRESS=" + old0.host(), "STRATUM_AGENT_ADDRESS=" + new0.host());
        assertThat(seeds(api)).containsExactly(new0.endpoint(), node1.endpoint());
        assertThat(environment(node1.sandbox())).noneMatch(line -> line.startsWith("STRATUM_REPLACED_ADDRESS="));
    }
}
