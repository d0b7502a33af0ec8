package io.stratum.sdk.backend.mesos;

import static io.stratum.sdk.backend.mesos.MesosFixture.POLL;
import static io.stratum.sdk.backend.mesos.MesosFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.backend.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DECLINE, KILL, RECONCILE, ACKNOWLEDGE, SUPPRESS and REVIVE against the test master. */
class CallsTest {
    private static final String YAML = """
            name: web
            pods:
              web:
                count: 1
                tasks:
                  server:
                    goal: RUNNING
                    cmd: ./serve
                    cpus: 0.5
                    memory: 256
            """;

    @RegisterExtension
    final MesosFixture fixture = new MesosFixture();

    private TestMaster master;
    private MesosBackend backend;
    private Events events;

    @BeforeEach
    void start() throws Exception {
        fixture.cluster.agent("agent-1", 2, 2048, 2048);
        master = fixture.master();
        backend = fixture.builder(master.uri().toString()).withPreReservedRoles(java.util.Set.of("slave_public")).build();
        events = fixture.start(backend, Optional.empty());
        await().atMost(WAIT).pollInterval(POLL).until(() -> events.latestOffer("agent-1").isPresent());
    }

    @Test
    void declinesWithTheRefusalAsAFilter() {
        Offer offer = events.latestOffer("agent-1").orElseThrow();

        backend.decline(List.of(offer.id()), Duration.ofMillis(1500));

        await().atMost(WAIT).pollInterval(POLL).until(() -> fixture.cluster.calls("DECLINE").size() == 1);
        JsonNode decline = fixture.cluster.calls("DECLINE").get(0).path("decline");
        assertThat(decline.path("offer_ids").get(0).path("value").asText()).isEqualTo(offer.id());
        assertThat(decline.path("filters").path("refuse_seconds").asDouble()).isEqualTo(1.5);
    }

    @Test
    void killsWithTheGracePeriodAndTheTasksAgent() {
        String taskId = launch();

        backend.kill(taskId, Duration.ofSeconds(12));

        await().atMost(WAIT).pollInterval(POLL).until(() -> !events.updates(taskId, TaskState.KILLED).isEmpty());
        assertThat(events.updates(taskId, TaskState.KILLING)).hasSize(1);
        JsonNode kill = fixture.cluster.calls("KILL").get(0).path("kill");
        assertThat(Wire.idOf(kill, "task_id")).contains(taskId);
        assertThat(Wire.idOf(kill, "agent_id")).contains("agent-1");
        assertThat(kill.path("kill_policy").path("grace_period").path("nanoseconds").asLong()).isEqualTo(12_000_000_000L);
    }

    @Test
    void aKillMadeWhileDisconnectedIsSentOnceSubscribedAgain() throws Exception {
        String taskId = launch();
        master.unavailable = true;
        fixture.cluster.dropStream();
        await().atMost(WAIT).pollInterval(POLL).until(() -> events.disconnects.get() == 1);

        backend.kill(taskId, Duration.ofSeconds(3));
        Thread.sleep(200);
        assertThat(fixture.cluster.calls("KILL")).isEmpty();
        master.unavailable = false;

        await().atMost(WAIT).pollInterval(POLL).until(() -> !events.updates(taskId, TaskState.KILLED).isEmpty());
        assertThat(fixture.cluster.calls("KILL")).hasSize(1);
    }

    @Test
    void reconcilesNamedTasksAndEveryTaskAndNeverAcknowledgesTheAnswers() {
        String taskId = launch();
        int before = events.updates.size();

        backend.reconcile(List.of(taskId, "never-launched"));
        backend.reconcile(List.of());

        await().atMost(WAIT).pollInterval(POLL).until(() -> events.updates.size() == before + 3);
        List<TaskStatusUpdate> answers = events.updates.subList(before, before + 3);
        assertThat(answers).allMatch(u -> u.ackId().isEmpty());
        assertThat(answers).extracting(u -> u.taskId() + " " + u.status().state())
                .containsExactly(taskId + " RUNNING", "never-launched LOST", taskId + " RUNNING");
        JsonNode explicit = fixture.cluster.calls("RECONCILE").get(0).path("reconcile").path("tasks");
        assertThat(Wire.idOf(explicit.get(0), "agent_id")).contains("agent-1");
        assertThat(explicit.get(1).has("agent_id")).isFalse();
        assertThat(fixture.cluster.calls("RECONCILE").get(1).path("reconcile").path("tasks")).isEmpty();
    }

    @Test
    void acknowledgesExactlyTheUpdatesThatCarryAUuid() {
        String taskId = launch();
        backend.reconcile(List.of(taskId));
        backend.kill("never-launched", Duration.ofSeconds(1));
        await().atMost(WAIT).pollInterval(POLL).until(() -> events.updates.stream().anyMatch(u -> u.taskId().equals("never-launched")));

        long withUuid = events.updates.stream().filter(u -> u.ackId().isPresent()).count();
        await().atMost(WAIT).pollInterval(POLL).until(() -> fixture.cluster.calls("ACKNOWLEDGE").size() == withUuid);
        await().atMost(WAIT).pollInterval(POLL).until(() -> fixture.cluster.unackedCount() == 0);
        assertThat(withUuid).isLessThan(events.updates.size());
        JsonNode ack = fixture.cluster.calls("ACKNOWLEDGE").get(0).path("acknowledge");
        assertThat(Wire.idOf(ack, "task_id")).contains(taskId);
        assertThat(Wire.idOf(ack, "agent_id")).contains("agent-1");
    }

    @Test
    void suppressesAndRevivesEveryRoleItSubscribedTo() {
        backend.suppress();
        backend.revive();

        await().atMost(WAIT).pollInterval(POLL).until(() -> fixture.cluster.calls("REVIVE").size() == 1);
        assertThat(fixture.cluster.calls("SUPPRESS").get(0).path("suppress").path("roles").toString())
                .isEqualTo("[\"stratum\",\"slave_public/stratum\"]");
        assertThat(fixture.cluster.calls("REVIVE").get(0).path("revive").path("roles").toString())
                .isEqualTo("[\"stratum\",\"slave_public/stratum\"]");
    }

    @Test
    void staysSuppressedAcrossAReSubscription() {
        backend.suppress();
        await().atMost(WAIT).pollInterval(POLL).until(() -> fixture.cluster.suppressed);

        fixture.cluster.dropStream();

        await().atMost(WAIT).pollInterval(POLL).until(() -> events.registrations.size() == 2);
        JsonNode subscribe = fixture.cluster.calls("SUBSCRIBE").get(1).path("subscribe");
        assertThat(subscribe.path("suppressed_roles").size()).isEqualTo(2);
    }

    @Test
    void nothingIsLostWhenTheStreamDropsBeforeUpdatesAreAcknowledged() {
        events.acknowledging = false;
        String taskId = launch();
        fixture.cluster.dropStream();
        events.acknowledging = true;

        await().atMost(WAIT).pollInterval(POLL).until(() -> events.registrations.size() == 2);
        await().atMost(WAIT).pollInterval(POLL).until(() -> fixture.cluster.unackedCount() == 0);
        assertThat(events.updates(taskId, TaskState.RUNNING).size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theLossOfAnAgentIsReportedWithItsTasksGone() {
        String taskId = launch();

        fixture.cluster.loseAgent("agent-1");

        await().atMost(WAIT).pollInterval(POLL).until(() -> events.lostAgents.contains("agent-1"));
        assertThat(events.updates(taskId, TaskState.GONE)).singleElement().satisfies(u -> assertThat(u.ackId()).isEmpty());
    }

    /** @return the id of a task launched and RUNNING on agent-1 */
    private String launch() {
        PodSpec pod = load();
        Offer offer = events.latestOffer("agent-1").orElseThrow();
        EvaluationResult.Success placed = (EvaluationResult.Success) OfferEvaluator.builder().build()
                .evaluate(PodRequest.newInstance(pod, 0), List.of(offer), List.of());
        backend.accept(List.of(offer.id()), placed.recommendations());
        String taskId = placed.launch().tasks().get(0).taskId();
        await().atMost(WAIT).pollInterval(POLL).until(() -> !events.updates(taskId, TaskState.RUNNING).isEmpty());
        return taskId;
    }

    private static PodSpec load() {
        try {
            return SpecLoader.builder().build().load("svc.yml", YAML, Path.of(".")).pod("web");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
