package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.BackendFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.internal.process.ProcessGroup;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.backend.TaskState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LocalBackend#destroyAll}: no process, volume, reservation or agent file left behind. */
class BackendUninstallIT {
    private static final String SPEC = """
            name: svc
            pods:
              db:
                count: 2
                tasks:
                  server:
                    goal: RUNNING
                    cmd: trap 'exit 0' TERM; while true; do sleep 0.05; done
                    cpus: 0.1
                    memory: 32
                    kill-grace-period: 5
                    volume:
                      path: data
                      type: ROOT
                      size: 16
            """;

    @RegisterExtension
    final BackendFixtures fixtures = new BackendFixtures();

    /** Launches db-0 on the first agent and db-1 on the second; @return their pids */
    private List<Long> launchOnEachAgent(BackendFixtures.Started started) {
        PodSpec pod = fixtures.pod("db", SPEC);
        List<Offer> offers = started.events().offers(2);
        String first = taskId(fixtures.launch(started, PodRequest.newInstance(pod, 0), List.of(offers.get(0))));
        String second = taskId(fixtures.launch(started, PodRequest.newInstance(pod, 1), List.of(offers.get(1))));
        started.events().await(first, TaskState.RUNNING);
        started.events().await(second, TaskState.RUNNING);
        return List.of(first, second).stream().map(id -> Long.parseLong(started.backend().taskInfo(id).get("pid"))).toList();
    }

    @Test
    void destroyAllKillsEveryTaskAndDeletesVolumesReservationsAndAgentFiles() {
        BackendFixtures.Started started = fixtures.start();
        List<Long> pids = launchOnEachAgent(started);

        started.backend().destroyAll(Duration.ofSeconds(10));

        assertThat(pids).allSatisfy(pid -> assertThat(new ProcessGroup(pid).isEmpty()).isTrue());
        assertThat(started.events().updates).filteredOn(u -> u.status().state() == TaskState.KILLED).hasSize(2);
        assertThat(fixtures.workDir.resolve("agents")).doesNotExist();
    }

    @Test
    void destroyAllWorksWithoutStartAndOnAgentsBeyondTheConfiguredCount() {
        BackendFixtures.Started first = fixtures.start();
        List<Long> pids = launchOnEachAgent(first);
        first.backend().close();
        LocalBackend fewer = fixtures.builder().withAgents(1).build();

        try (fewer) {
            fewer.destroyAll(Duration.ofSeconds(10));
        }

        assertThat(pids).allSatisfy(pid -> assertThat(new ProcessGroup(pid).isEmpty()).isTrue());
        assertThat(fixtures.workDir.resolve("agents")).doesNotExist();
    }
}
