package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.BackendFixtures.taskId;
import static io.stratum.sdk.backend.local.LocalFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reservations and a persistent volume across a task's end, its relaunch in place, and garbage collection. */
class BackendVolumeIT {
    private static final String SPEC = """
            name: svc
            pods:
              db:
                count: 1
                tasks:
                  server:
                    goal: RUNNING
                    cmd: echo "$TASK_ID" >> data/log && exec sleep 1000
                    cpus: 0.5
                    memory: 256
                    ports:
                      client:
                        port: 0
                    volume:
                      path: data
                      type: ROOT
                      size: 64
            """;

    @RegisterExtension
    final BackendFixtures fixtures = new BackendFixtures();
    private final BackendFixtures.Started started = fixtures.start();
    private PodSpec pod;
    private EvaluationResult.Success first;
    private String agent;

    @BeforeEach
    void launchAndKillTheFirstTask() {
        pod = fixtures.pod("db", SPEC);
        first = fixtures.launch(started, PodRequest.newInstance(pod, 0), started.events().offers(2));
        agent = first.offer().agent().id();
        started.events().await(taskId(first), TaskState.RUNNING);
        // RUNNING comes before the command's first line: the log must hold its id before the kill.
        Path log = fixtures.sandbox(taskId(first)).resolve("data/log");
        org.awaitility.Awaitility.await().atMost(Recorder.WAIT).until(() -> read(log).equals(taskId(first) + "\n"));
        started.backend().kill(taskId(first), Duration.ofSeconds(5));
        started.events().await(taskId(first), TaskState.KILLED);
    }

    /** @return the agent's next offer that holds every reservation of the first launch */
    private Offer offerWithTheReservations() {
        Set<String> ids = first.footprint().resourceIds();
        return started.events().offer(agent, o -> o.resources().stream()
                .filter(r -> r.resourceId().isPresent()).map(r -> r.resourceId().get()).toList().containsAll(ids));
    }

    @Test
    void theReservationsComeBackInOffersExactlyAsReservedOnceTheTaskHasEnded() {
        Offer offer = offerWithTheReservations();

        assertThat(offer.resources()).containsAll(first.footprint().resources());
        assertThat(offer.resources()).contains(Resource.scalar(Resource.CPUS, 3.5), Resource.scalar(Resource.MEM, 3840),
                Resource.scalar(Resource.DISK, 8128));
    }

    @Test
    void aRelaunchInPlaceFindsItsReservationsAndTheVolumesData() {
        Offer offer = offerWithTheReservations();
        started.events().used(offer.id());

        EvaluationResult.Success again = fixtures.launch(started, PodRequest.inPlace(pod, 0, first.footprint()), List.of(offer));

        assertThat(again.recommendations()).singleElement().isInstanceOf(Operation.Launch.class);
        String second = taskId(again);
        started.events().await(second, TaskState.RUNNING);
        Path log = fixtures.sandbox(second).resolve("data/log");
        org.awaitility.Awaitility.await().atMost(Recorder.WAIT)
                .until(() -> read(log).lines().toList().equals(List.of(taskId(first), second)));
        assertThat(fixtures.sandbox(second)).isNotEqualTo(fixtures.sandbox(taskId(first)));
    }

    @Test
    void garbageCollectionDestroysTheVolumeAndUnreservesEverything() {
        Offer offer = offerWithTheReservations();
        started.events().used(offer.id());
        String persistenceId = first.footprint().resources().stream().flatMap(r -> r.volume().stream()).findFirst()
                .orElseThrow().persistenceId();
        Path volume = AgentDirs.of(fixtures.workDir, agent).volume(persistenceId);
        assertThat(volume).isDirectory();
        List<Operation> garbage = fixtures.evaluator.collectGarbage(List.of(offer), Set.of());
        assertThat(garbage).hasAtLeastOneElementOfType(Operation.DestroyVolume.class);

        started.backend().accept(List.of(offer.id()), garbage);

        Offer clean = started.events().offer(agent, o -> o.resources().stream().noneMatch(r -> r.reservation().isPresent()));
        assertThat(clean.resources()).containsExactly(Resource.scalar(Resource.CPUS, 4), Resource.scalar(Resource.MEM, 4096),
                Resource.scalar(Resource.DISK, 8192), Resource.ports(new Range(21_000, 21_099)),
                fixtures.mountDisks(agent)[0], fixtures.mountDisks(agent)[1]);
        assertThat(volume).doesNotExist();
    }
}
