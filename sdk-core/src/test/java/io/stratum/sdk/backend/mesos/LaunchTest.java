package io.stratum.sdk.backend.mesos;

import static io.stratum.sdk.backend.mesos.MesosFixture.POLL;
import static io.stratum.sdk.backend.mesos.MesosFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real offer evaluator's recommendations for a pod, sent through the backend to the test master. */
class LaunchTest {
    private static final String YAML = """
            name: store
            pods:
              node:
                count: 2
                placement: '[["hostname", "UNIQUE"]]'
                tasks:
                  server:
                    goal: RUNNING
                    cmd: ./server --port $PORT_HTTP
                    cpus: 1
                    memory: 1024
                    kill-grace-period: 7
                    env:
                      MODE: fast
                    ports:
                      http:
                        port: 0
                    volume:
                      path: data
                      type: ROOT
                      size: 512
                    health-check:
                      cmd: ./alive
                      interval: 3
                      grace-period: 20
                      max-consecutive-failures: 4
                    readiness-check:
                      http:
                        port: http
                        path: /ready
            """;

    @RegisterExtension
    final MesosFixture fixture = new MesosFixture();

    private final OfferEvaluator evaluator = OfferEvaluator.builder().build();
    private PodSpec pod;
    private MesosBackend backend;
    private Events events;

    @BeforeEach
    void start() throws Exception {
        pod = SpecLoader.builder().build().load("svc.yml", YAML, Path.of(".")).pod("node");
        fixture.cluster.agent("agent-1", 4, 4096, 4096).attributes.put("rack", "r1");
        fixture.cluster.agent("agent-2", 4, 4096, 4096).zone = "zone-b";
        fixture.cluster.agents.get(1).region = "region-1";
        TestMaster master = fixture.master();
        backend = fixture.builder(master.uri().toString()).build();
        events = fixture.start(backend, Optional.empty());
    }

    @Test
    void offersCarryTheAgentsAttributesFaultDomainAndResources() {
        Offer first = offer("agent-1");
        Offer second = offer("agent-2");

        assertThat(first.agent().hostname()).isEqualTo("agent-1.example");
        assertThat(first.agent().attributeText("rack")).isEqualTo("r1");
        assertThat(second.agent().zone()).contains("zone-b");
        assertThat(second.agent().region()).contains("region-1");
        assertThat(first.resources()).extracting(r -> r.name() + " " + r.value())
                .containsExactlyInAnyOrder("cpus 4", "mem 4096", "disk 4096", "ports [[31000-31099]]");
    }

    @Test
    void aPodIsReservedGivenAVolumeAndLaunchedOnTheDefaultExecutorThenRunsReadyAndHealthy() {
        EvaluationResult.Success placed = place(PodRequest.newInstance(pod, 0));
        TaskLaunch task = placed.launch().tasks().get(0);

        await().atMost(WAIT).pollInterval(POLL).until(() -> last(task.taskId())
                .filter(u -> u.status().readiness() == CheckState.PASSED).isPresent());
        TaskStatusUpdate ready = last(task.taskId()).orElseThrow();
        assertThat(ready.status().state()).isEqualTo(TaskState.RUNNING);
        assertThat(ready.status().health()).isEqualTo(CheckState.PASSED);
        assertThat(ready.agentId()).contains(placed.offer().agent().id());
        assertThat(events.updates(task.taskId(), TaskState.RUNNING).get(0).status().readiness())
                .as("a check that has not run yet").isEqualTo(CheckState.UNKNOWN);

        JsonNode accept = fixture.cluster.calls("ACCEPT").get(0).path("accept");
        List<String> types = new java.util.ArrayList<>();
        accept.path("operations").forEach(operation -> types.add(operation.path("type").asText()));
        assertThat(types.subList(0, types.indexOf("CREATE"))).containsOnly("RESERVE");
        assertThat(types.subList(types.indexOf("CREATE"), types.size())).containsExactly("CREATE", "LAUNCH_GROUP");
        List<String> resourceIds = accept.path("operations").findValues("reserve").stream()
                .map(r -> FakeAgent.resourceId(r.path("resources").get(0))).toList();
        assertThat(resourceIds).doesNotHaveDuplicates().doesNotContainNull().hasSize(types.indexOf("CREATE"));
    }

    @Test
    void theTaskInfoCarriesCommandEnvironmentChecksAndKillPolicy() {
        EvaluationResult.Success placed = place(PodRequest.newInstance(pod, 0));
        TaskLaunch task = placed.launch().tasks().get(0);
        await().atMost(WAIT).pollInterval(POLL).until(() -> fixture.cluster.calls("ACCEPT").size() == 1);

        JsonNode group = fixture.cluster.calls("ACCEPT").get(0).findValue("launch_group");
        JsonNode executor = group.path("executor");
        assertThat(executor.path("type").asText()).isEqualTo("DEFAULT");
        assertThat(executor.path("resources").findValuesAsText("name")).containsExactlyInAnyOrder("cpus", "mem", "disk");
        JsonNode info = group.path("task_group").path("tasks").get(0);
        assertThat(info.path("name").asText()).isEqualTo("node-0-server");
        assertThat(Wire.idOf(info, "task_id")).contains(task.taskId());
        assertThat(info.path("command").path("value").asText())
                .as("the command, after linking the volume from the executor's sandbox where the agent did not")
                .isEqualTo("[ -e data ] || ln -s ../../data data; ./server --port $PORT_HTTP");
        Map<String, String> env = new HashMap<>();
        info.path("command").path("environment").path("variables")
                .forEach(v -> env.put(v.path("name").asText(), v.path("value").asText()));
        assertThat(env).containsEntry("TASK_NAME", "node-0-server").containsEntry("MODE", "fast")
                .containsEntry("PORT_HTTP", task.ports().get("http").toString()).containsEntry("TASK_ID", task.taskId())
                .containsEntry("HOST", placed.offer().agent().hostname());
        JsonNode health = info.path("health_check");
        assertThat(health.path("type").asText()).isEqualTo("COMMAND");
        assertThat(health.path("command").path("value").asText()).isEqualTo("[ -e data ] || ln -s ../../data data; ./alive");
        assertThat(health.path("interval_seconds").asDouble()).isEqualTo(3);
        assertThat(health.path("grace_period_seconds").asDouble()).isEqualTo(20);
        assertThat(health.path("consecutive_failures").asInt()).isEqualTo(4);
        JsonNode check = info.path("check");
        assertThat(check.path("type").asText()).isEqualTo("HTTP");
        assertThat(check.path("http").path("port").asLong()).isEqualTo(task.ports().get("http"));
        assertThat(check.path("http").path("path").asText()).isEqualTo("/ready");
        assertThat(info.path("kill_policy").path("grace_period").path("nanoseconds").asLong()).isEqualTo(7_000_000_000L);
        JsonNode volume = info.path("resources").findParent("persistence");
        assertThat(volume.path("volume").path("container_path").asText()).isEqualTo("data");
    }

    @Test
    void aTaskOnAnAgentWithAFaultDomainGetsItsZoneAndRegion() {
        EvaluationResult result = evaluator.evaluate(PodRequest.newInstance(pod, 0), List.of(offer("agent-2")), List.of());
        assertThat(result).as("%s", result).isInstanceOf(EvaluationResult.Success.class);
        EvaluationResult.Success placed = (EvaluationResult.Success) result;
        backend.accept(List.of(placed.offer().id()), placed.recommendations());
        await().atMost(WAIT).pollInterval(POLL).until(() -> fixture.cluster.calls("ACCEPT").size() == 1);

        JsonNode info = fixture.cluster.calls("ACCEPT").get(0).findValue("launch_group").path("task_group").path("tasks").get(0);
        Map<String, String> env = new HashMap<>();
        info.path("command").path("environment").path("variables")
                .forEach(v -> env.put(v.path("name").asText(), v.path("value").asText()));
        assertThat(env).containsEntry("ZONE", "zone-b").containsEntry("REGION", "region-1");
    }

    @Test
    void aTaskReachesItsVolumeInItsOwnSandboxThroughItsContainerMountingTheExecutorsPath() {
        EvaluationResult.Success placed = place(PodRequest.newInstance(pod, 0));
        TaskLaunch task = placed.launch().tasks().get(0);
        String persistenceId = task.resources().stream().flatMap(r -> r.volume().stream()).findFirst().orElseThrow()
                .persistenceId();

        await().atMost(WAIT).pollInterval(POLL).until(() -> !events.updates(task.taskId(), TaskState.RUNNING).isEmpty());
        assertThat(events.updates(task.taskId(), TaskState.FAILED)).isEmpty();
        assertThat(fixture.cluster.volumesOf(task.taskId())).containsExactly(Map.entry("data", persistenceId));
        JsonNode info = fixture.cluster.calls("ACCEPT").get(0).findValue("task_group").path("tasks").get(0);
        JsonNode container = info.path("container");
        assertThat(container.path("type").asText()).isEqualTo("MESOS");
        assertThat(container.path("volumes")).singleElement().satisfies(volume -> {
            assertThat(volume.path("container_path").asText()).isEqualTo("data");
            assertThat(volume.path("mode").asText()).isEqualTo("RW");
            assertThat(volume.path("source").path("type").asText()).isEqualTo("SANDBOX_PATH");
            assertThat(volume.path("source").path("sandbox_path").path("type").asText()).isEqualTo("PARENT");
            assertThat(volume.path("source").path("sandbox_path").path("path").asText()).isEqualTo("data");
        });
    }

    @Test
    void aPodVolumeIsTheExecutorsOnceAndEveryTaskOfTheGroupReachesIt() throws Exception {
        PodSpec shared = SpecLoader.builder().build().load("svc.yml", """
                name: store
                pods:
                  node:
                    count: 1
                    volume:
                      path: shared
                      type: ROOT
                      size: 64
                    tasks:
                      init:
                        goal: RUNNING
                        cmd: ./init
                        cpus: 0.5
                        memory: 256
                      server:
                        goal: RUNNING
                        cmd: ./server
                        cpus: 0.5
                        memory: 256
                        volume:
                          path: data
                          type: ROOT
                          size: 32
                """, Path.of(".")).pod("node");
        EvaluationResult.Success placed = place(PodRequest.newInstance(shared, 0));
        List<String> ids = placed.launch().tasks().stream().map(TaskLaunch::taskId).toList();

        await().atMost(WAIT).pollInterval(POLL).until(() -> ids.stream()
                .allMatch(id -> !events.updates(id, TaskState.RUNNING).isEmpty()));
        JsonNode group = fixture.cluster.calls("ACCEPT").get(0).findValue("launch_group");
        assertThat(group.path("executor").path("resources").findValues("persistence")).hasSize(1);
        assertThat(group.path("task_group").path("tasks").get(0).path("resources").findValues("persistence")).isEmpty();
        assertThat(fixture.cluster.volumesOf(ids.get(0))).containsOnlyKeys("shared");
        assertThat(fixture.cluster.volumesOf(ids.get(1))).containsOnlyKeys("shared", "data");
        assertThat(fixture.cluster.volumesOf(ids.get(1)).get("shared")).isEqualTo(fixture.cluster.volumesOf(ids.get(0)).get("shared"));
    }

    @Test
    void aFailedTaskIsRelaunchedInPlaceOnTheSameReservationsAndVolume() {
        EvaluationResult.Success first = place(PodRequest.newInstance(pod, 0));
        String firstId = first.launch().tasks().get(0).taskId();
        await().atMost(WAIT).pollInterval(POLL).until(() -> !events.updates(firstId, TaskState.RUNNING).isEmpty());
        int offersBefore = events.offers.size();

        fixture.cluster.fail(firstId);
        await().atMost(WAIT).pollInterval(POLL).until(() -> !events.updates(firstId, TaskState.FAILED).isEmpty());
        await().atMost(WAIT).pollInterval(POLL).until(() -> events.offers.size() > offersBefore);
        EvaluationResult.Success again = place(PodRequest.inPlace(pod, 0, first.footprint()));

        assertThat(again.recommendations()).singleElement().isInstanceOf(Operation.Launch.class);
        String secondId = again.launch().tasks().get(0).taskId();
        await().atMost(WAIT).pollInterval(POLL).until(() -> !events.updates(secondId, TaskState.RUNNING).isEmpty());
        assertThat(fixture.cluster.calls("ACCEPT").get(1).findValues("reserve")).isEmpty();
        assertThat(resourceIds(fixture.cluster.calls("ACCEPT").get(1).findValue("task_group")))
                .isEqualTo(resourceIds(fixture.cluster.calls("ACCEPT").get(0).findValue("task_group")));
        assertThat(fixture.cluster.volumesOf(secondId)).isNotEmpty().isEqualTo(fixture.cluster.volumesOf(firstId));
    }

    @Test
    void aLaunchOnAnOfferNoLongerValidIsDroppedWithoutAnAcknowledgement() {
        Offer offer = offer("agent-1");
        EvaluationResult.Success placed = (EvaluationResult.Success) evaluator.evaluate(PodRequest.newInstance(pod, 0),
                List.of(offer), List.of());
        backend.decline(List.of(offer.id()), java.time.Duration.ofSeconds(30));

        backend.accept(List.of(offer.id()), placed.recommendations());

        String taskId = placed.launch().tasks().get(0).taskId();
        await().atMost(WAIT).pollInterval(POLL).until(() -> !events.updates(taskId, TaskState.DROPPED).isEmpty());
        assertThat(events.updates(taskId, TaskState.DROPPED).get(0).ackId()).isEmpty();
    }

    private EvaluationResult.Success place(PodRequest request) {
        List<Offer> offers = List.of(offer("agent-1"), offer("agent-2"));
        EvaluationResult result = evaluator.evaluate(request, offers, List.of());
        assertThat(result).as("%s", result).isInstanceOf(EvaluationResult.Success.class);
        EvaluationResult.Success success = (EvaluationResult.Success) result;
        backend.accept(List.of(success.offer().id()), success.recommendations());
        return success;
    }

    private Offer offer(String agentId) {
        await().atMost(WAIT).pollInterval(POLL).until(() -> events.latestOffer(agentId).isPresent());
        return events.latestOffer(agentId).orElseThrow();
    }

    private Optional<TaskStatusUpdate> last(String taskId) {
        List<TaskStatusUpdate> all = events.updates.stream().filter(u -> u.taskId().equals(taskId)).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static Set<String> resourceIds(JsonNode taskGroup) {
        return taskGroup.findValues("resources").stream().flatMap(list -> java.util.stream.StreamSupport.stream(
                list.spliterator(), false)).map(FakeAgent::resourceId).collect(Collectors.toSet());
    }
}
