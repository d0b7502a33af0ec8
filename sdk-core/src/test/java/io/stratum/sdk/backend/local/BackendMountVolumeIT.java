package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.BackendFixtures.taskId;
import static io.stratum.sdk.backend.local.LocalFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A persistent volume on a MOUNT disk: the whole disk is reserved, the volume is the disk's
 * directory linked into the sandbox, and it survives a relaunch in place, a backend restart,
 * and garbage collection gives the disk back; uninstall deletes it.
 */
class BackendMountVolumeIT {
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
                    volume:
                      path: data
                      type: MOUNT
                      size: 1024
            """;

    @RegisterExtension
    final BackendFixtures fixtures = new BackendFixtures();
    private BackendFixtures.Started started = fixtures.start();
    private PodSpec pod;
    private EvaluationResult.Success first;
    private String agent;

    @BeforeEach
    void launchTheFirstTask() {
        pod = fixtures.pod("db", SPEC);
        first = fixtures.launch(started, PodRequest.newInstance(pod, 0), started.events().offers(2));
        agent = first.offer().agent().id();
        started.events().await(taskId(first), TaskState.RUNNING);
    }

    private Resource mountVolume() {
        return first.footprint().resources().stream().filter(r -> r.volume().isPresent()).findFirst().orElseThrow();
    }

    private Path mountDir() {
        return AgentDirs.of(fixtures.workDir, agent).mount(LedgerRecords.mountId(mountVolume()));
    }

    private void killTheFirstTask() {
        // RUNNING comes before the command's first line: the log must hold its id before the kill.
        Path log = fixtures.sandbox(taskId(first)).resolve("data/log");
        await().atMost(Recorder.WAIT).until(() -> read(log).equals(taskId(first) + "\n"));
        started.backend().kill(taskId(first), Duration.ofSeconds(5));
        started.events().await(taskId(first), TaskState.KILLED);
    }

    /** @return the agent's next offer that holds every reservation of the first launch */
    private Offer offerWithTheReservations() {
        Set<String> ids = first.footprint().resourceIds();
        return started.events().offer(agent, o -> o.resources().stream()
                .filter(r -> r.resourceId().isPresent()).map(r -> r.resourceId().get()).toList().containsAll(ids));
    }

    /** Relaunches the instance in place on {@code offer}; @return the new task's id once it runs */
    private String relaunchInPlace(Offer offer) {
        started.events().used(offer.id());
        EvaluationResult.Success again = fixtures.launch(started, PodRequest.inPlace(pod, 0, first.footprint()), List.of(offer));
        assertThat(again.recommendations()).singleElement().isInstanceOf(Operation.Launch.class);
        String second = taskId(again);
        started.events().await(second, TaskState.RUNNING);
        return second;
    }

    @Test
    void theVolumeTakesAWholeMountDiskAndIsItsDirectoryInTheSandbox() throws Exception {
        Resource volume = mountVolume();

        assertThat(volume.isMountDisk()).isTrue();
        assertThat(volume.amount()).as("the whole disk, not the 1024 MB asked").isEqualTo(2048);
        Path log = fixtures.sandbox(taskId(first)).resolve("data/log");
        await().atMost(Recorder.WAIT).until(() -> read(log).equals(taskId(first) + "\n"));
        assertThat(log.toRealPath()).isEqualTo(mountDir().resolve("log").toRealPath());
        assertThat(mountDir().getParent()).isEqualTo(AgentDirs.of(fixtures.workDir, agent).mounts());
        Offer next = started.events().offer(agent, o -> o.resources().stream().filter(Resource::isMountDisk).count() == 1);
        assertThat(next.resources()).filteredOn(Resource::isMountDisk).singleElement()
                .satisfies(free -> assertThat(free.reservation()).isEmpty());
    }

    @Test
    void aRelaunchInPlaceFindsTheDataOnTheMountDisk() {
        killTheFirstTask();

        String second = relaunchInPlace(offerWithTheReservations());

        Path log = fixtures.sandbox(second).resolve("data/log");
        await().atMost(Recorder.WAIT).until(() -> read(log).lines().toList().equals(List.of(taskId(first), second)));
    }

    @Test
    void aRestartedBackendKeepsTheMountReservationAndVolume() {
        killTheFirstTask();
        started.backend().close();
        started = fixtures.start(fixtures.builder());

        Offer offer = offerWithTheReservations();

        assertThat(offer.resources()).contains(mountVolume());
        assertThat(offer.resources()).filteredOn(r -> r.isMountDisk() && r.reservation().isEmpty()).hasSize(1);
        String second = relaunchInPlace(offer);
        Path log = fixtures.sandbox(second).resolve("data/log");
        await().atMost(Recorder.WAIT).until(() -> read(log).lines().toList().equals(List.of(taskId(first), second)));
    }

    @Test
    void garbageCollectionDeletesTheDataAndGivesTheWholeDiskBack() {
        killTheFirstTask();
        Offer offer = offerWithTheReservations();
        started.events().used(offer.id());
        List<Operation> garbage = fixtures.evaluator.collectGarbage(List.of(offer), Set.of());
        assertThat(garbage).hasAtLeastOneElementOfType(Operation.DestroyVolume.class);

        started.backend().accept(List.of(offer.id()), garbage);

        Offer clean = started.events().offer(agent, o -> o.resources().stream().noneMatch(r -> r.reservation().isPresent()));
        assertThat(clean.resources()).filteredOn(Resource::isMountDisk).containsExactly(fixtures.mountDisks(agent));
        assertThat(mountDir().resolve("log")).doesNotExist();
    }

    @Test
    void uninstallDeletesTheMountDirectories() {
        Path dir = mountDir();
        assertThat(dir).isDirectory();

        started.backend().destroyAll(Duration.ofSeconds(10));

        assertThat(dir).doesNotExist();
        assertThat(Files.exists(fixtures.workDir.resolve("agents"))).isFalse();
    }
}
