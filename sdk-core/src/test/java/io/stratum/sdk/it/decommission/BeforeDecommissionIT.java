package io.stratum.sdk.it.decommission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.internal.spec.SpecJson;
import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.Processes;
import io.stratum.sdk.it.ServiceApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-in of a pod with a {@code before-decommission} task, on the local backend with real
 * processes: lowering the count from 2 to 1 first runs {@code node-1}'s decommission task in
 * place, while its server process still runs; it appends to a file on the instance's own volume
 * and to one outside the cluster (a path from its env). Only after it finished is the server
 * killed and the volume destroyed; {@code node-0} runs on.
 */
class BeforeDecommissionIT {
    private static final String SPEC = """
            name: ring
            pods:
              node:
                count: 2
                allow-decommission: true
                before-decommission: [decommission]
                volume: {path: data, type: ROOT, size: 16}
                tasks:
                  server:
                    goal: RUNNING
                    cmd: echo $$ > data/server.pid && echo $JMX_PORT > data/jmx && exec sleep 100000
                    cpus: 0.1
                    memory: 32
                    ports: {jmx: {port: 0, env-key: JMX_PORT}}
                  decommission:
                    goal: ONCE
                    cmd: >-
                      if kill -0 "$(cat data/server.pid)"; then alive=yes; else alive=no; fi;
                      echo "decommissioned by $TASK_NAME" >> data/log &&
                      echo "$TASK_NAME server-pid=$(cat data/server.pid) server-alive=$alive jmx=$JMX_PORT
                      volume-jmx=$(cat data/jmx) volume-lines=$(grep -c decommissioned data/log)" >> "$OUTSIDE_LOG"
                    cpus: 0.1
                    memory: 32
                    env: {OUTSIDE_LOG: "%s"}
            """;

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    @Test
    void scalingInRunsTheDecommissionTaskWhileTheServerLivesThenKillsItAndDestroysItsVolume() throws Exception {
        Path outside = dir.resolve("outside.log");
        String yaml = SPEC.formatted(outside);
        LocalServices.Started service = services.start(LocalServices.load(LocalServices.writeSpec(dir.resolve("v1"), yaml)),
                dir.resolve("work"));
        ServiceApi api = service.api();
        LocalServices.awaitDeployComplete(api);
        ServiceApi.Task server = api.running("node-1").orElseThrow();
        services.track(server.pid());
        Path volume = Path.of(server.sandbox()).resolve("data");
        await("node-1's server wrote its pid and port").atMost(Duration.ofSeconds(10)).pollInterval(LocalServices.POLL)
                .until(() -> Files.exists(volume.resolve("jmx")) && !Files.readString(volume.resolve("jmx")).isBlank());
        Path volumeDir = volume.toRealPath();
        String jmx = Files.readString(volume.resolve("jmx")).strip();
        long serverShell = Long.parseLong(Files.readString(volume.resolve("server.pid")).strip());
        assertThat(Processes.alive(serverShell)).as("the server's command, as it wrote down its pid").isTrue();
        assertThat(outside).as("the deploy does not run the decommission task").doesNotExist();

        String scaledIn = SpecJson.toJson(LocalServices.load(LocalServices.writeSpec(dir.resolve("v2"),
                yaml.replace("count: 2", "count: 1"))));
        ServiceApi.Reply update = api.put("/v1/configurations/target", scaledIn);
        assertThat(update.code()).as("config update answered %s", update.body()).isEqualTo(200);

        List<String> seen = new ArrayList<>();
        await("decommission COMPLETE").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL).until(() -> {
            JsonNode plan = api.get("/v1/plans/decommission").body();
            plan.path("phases").forEach(p -> p.path("steps").forEach(s -> seen.add(s.path("name").asText() + " "
                    + s.path("status").asText())));
            return plan.path("status").asText().equals("COMPLETE");
        });

        assertThat(seen).as("the last answer of GET /v1/plans/decommission")
                .endsWith("node-1:[decommission] COMPLETE", "node-1:[server] COMPLETE");
        assertThat(Files.readAllLines(outside)).containsExactly("node-1-decommission server-pid=" + serverShell
                + " server-alive=yes jmx=" + jmx + " volume-jmx=" + jmx + " volume-lines=1");
        await("node-1's server killed").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> !Processes.alive(server.pid()) && !Processes.alive(serverShell));
        await("node-1's volume destroyed").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> !Files.exists(volumeDir));
        assertThat(api.get("/v1/pod/node-1/info").code()).isEqualTo(404);
        assertThat(api.running("node-0")).isPresent();
        assertThat(api.deployStatus()).isEqualTo("COMPLETE");
    }
}
