package io.stratum.sdk.backend.mesos;

import static io.stratum.sdk.backend.mesos.MesosFixture.POLL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.internal.scheduler.SchedulerLoop;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import io.stratum.sdk.internal.scheduler.TaskLabels;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reserve-only phase through the mesos backend (test master): the members' reservations go out
 * in accepts without a launch, and the first member launched carries every member's address in its
 * {@code TaskInfo}'s environment, as on the local and sim backends.
 */
class ReserveOnlyOnMesosTest {
    private static final String SPEC = """
            name: ensemble
            pods:
              member:
                count: 3
                discoverable: true
                placement: hostname:UNIQUE
                tasks:
                  server:
                    cmd: sleep 1000
                    cpus: 0.1
                    memory: 32
                    volume: {path: data, type: ROOT, size: 64}
                    ports:
                      peer: {port: 0}
            plans:
              deploy:
                phases:
                  place: {pod: member, strategy: parallel, reserve-only: true}
                  start: {pod: member, strategy: serial}
            """;

    @RegisterExtension
    final MesosFixture fixture = new MesosFixture();

    private SchedulerLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.close();
        }
    }

    @Test
    void everyMemberIsReservedBeforeTheFirstLaunchWhichKnowsThemAll() throws Exception {
        for (int i = 1; i <= 3; i++) {
            fixture.cluster.agent("agent-" + i, 2, 2048, 4096);
        }
        ServiceSpec spec = SpecLoader.builder().build().load("svc.yml", SPEC, Path.of("."));
        MesosBackend backend = fixture.builder(fixture.master().uri().toString()).build();
        fixture.track(backend);
        ServiceScheduler scheduler = ServiceScheduler.builder().withBackend(backend).withPersister(Persister.inMemory())
                .build();
        loop = new SchedulerLoop(scheduler, Duration.ofMillis(100));
        loop.start(spec);

        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(POLL)
                    .until(() -> scheduler.plans().get("deploy").status() == Status.COMPLETE);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("DEBUG plan " + scheduler.plans().get("deploy"));
            System.out.println("DEBUG why " + scheduler.explanations());
            scheduler.tasks().forEach(t -> System.out.println("DEBUG task " + t));
            fixture.cluster.calls.forEach(c -> System.out.println("DEBUG call " + c.path("type").asText() + " "
                    + c.toString().substring(0, Math.min(600, c.toString().length()))));
            throw e;
        }

        List<? extends JsonNode> accepts = fixture.cluster.calls("ACCEPT");
        int firstLaunch = -1;
        int reservingWithoutLaunch = 0;
        for (int i = 0; i < accepts.size(); i++) {
            List<String> types = new ArrayList<>();
            accepts.get(i).path("accept").path("operations").forEach(op -> types.add(op.path("type").asText()));
            if (types.contains("LAUNCH_GROUP") && firstLaunch < 0) {
                firstLaunch = i;
            }
            if (types.contains("RESERVE") && !types.contains("LAUNCH_GROUP")) {
                assertThat(firstLaunch).as("every reserve-only accept comes before the first launch").isLessThan(0);
                assertThat(types).contains("CREATE");
                reservingWithoutLaunch++;
            }
        }
        assertThat(reservingWithoutLaunch).isEqualTo(3);

        Map<String, String> hosts = new HashMap<>();
        scheduler.tasks().forEach(t -> hosts.put(t.name(), t.labels().get(TaskLabels.HOSTNAME)));
        assertThat(scheduler.tasks()).noneMatch(TaskLabels::isReservation)
                .allMatch(t -> "in_place".equals(t.labels().get(TaskLabels.PLACEMENT)));
        JsonNode first = accepts.get(firstLaunch).findValues("task_group").get(0).path("tasks").get(0);
        Map<String, String> env = new HashMap<>();
        first.path("command").path("environment").path("variables")
                .forEach(v -> env.put(v.path("name").asText(), v.path("value").asText()));
        assertThat(env).containsEntry("MEMBER_HOSTS", List.of("member-0-server", "member-1-server", "member-2-server")
                .stream().map(hosts::get).collect(Collectors.joining(",")));
        assertThat(scheduler.tasks()).extracting(TaskRecord::name).hasSize(3);
    }
}
