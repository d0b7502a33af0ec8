package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.BackendFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Resources statically reserved for a role: offered as pre-reserved, used only by a pod with that
 * {@code pre-reserved-role}, whose reservations refine the role ({@code analytics/svc-role}) and
 * survive a restart.
 */
class BackendPreReservedRoleIT {
    private static final String SPEC = """
            name: svc
            pods:
              etl:
                count: 1
                pre-reserved-role: analytics
                tasks:
                  main:
                    goal: RUNNING
                    cmd: echo ok > data/out && exec sleep 1000
                    cpus: %s
                    memory: 256
                    volume:
                      path: data
                      type: ROOT
                      size: 64
            """;

    @RegisterExtension
    final BackendFixtures fixtures = new BackendFixtures();

    private LocalBackend.Builder builder() {
        return fixtures.builder().withPreReservedRole("analytics", 1, 1024, 512);
    }

    @Test
    void theStaticReservationIsOfferedApartFromTheUnreservedResources() {
        BackendFixtures.Started started = fixtures.start(builder());

        Offer offer = started.events().offers(2).get(0);

        assertThat(offer.resources()).contains(Resource.scalar(Resource.CPUS, 3), Resource.scalar(Resource.MEM, 3072),
                Resource.scalar(Resource.DISK, 7680),
                Resource.scalar(Resource.CPUS, 1).withPreReservedRole("analytics"),
                Resource.scalar(Resource.MEM, 1024).withPreReservedRole("analytics"),
                Resource.scalar(Resource.DISK, 512).withPreReservedRole("analytics"));
    }

    @Test
    void aPodWithThePreReservedRoleDeploysOnItAndItsReservationsRefineTheRole() throws Exception {
        BackendFixtures.Started started = fixtures.start(builder());
        PodSpec pod = fixtures.pod("etl", SPEC.formatted("0.5"));

        EvaluationResult.Success launched = fixtures.launch(started, PodRequest.newInstance(pod, 0), started.events().offers(2));
        started.events().await(taskId(launched), TaskState.RUNNING);

        assertThat(launched.footprint().resources()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.preReservedRole()).contains("analytics");
            assertThat(r.reservation().orElseThrow().role()).isEqualTo(BackendFixtures.ROLE);
        });
        String agent = launched.offer().agent().id();
        LedgerFile ledger = new LedgerFile(AgentDirs.of(fixtures.workDir, agent));
        assertThat(ledger.reservations()).hasSize(3).allSatisfy(r -> {
            assertThat(r.role()).isEqualTo("analytics/" + BackendFixtures.ROLE);
            assertThat(r.preReservedRole()).isEqualTo("analytics");
        });
        assertThat(ledger.volumes()).singleElement()
                .satisfies(v -> assertThat(v.role()).isEqualTo("analytics/" + BackendFixtures.ROLE));
        Offer after = started.events().offer(agent, o -> !o.id().equals(launched.offer().id()));
        assertThat(after.resources()).contains(Resource.scalar(Resource.CPUS, 3),
                Resource.scalar(Resource.CPUS, 0.5).withPreReservedRole("analytics"),
                Resource.scalar(Resource.MEM, 768).withPreReservedRole("analytics"),
                Resource.scalar(Resource.DISK, 448).withPreReservedRole("analytics"));

        started.backend().close();
        BackendFixtures.Started again = fixtures.start(builder());
        Offer restarted = again.events().offer(agent, o -> true);
        assertThat(restarted.resources()).as("the running task's reservations are not offered, still held")
                .noneMatch(r -> r.reservation().isPresent())
                .contains(Resource.scalar(Resource.CPUS, 0.5).withPreReservedRole("analytics"));
        again.backend().kill(taskId(launched), java.time.Duration.ofSeconds(5));
        again.events().await(taskId(launched), TaskState.KILLED);
        Offer freed = again.events().offer(agent, o -> o.resources().stream().filter(r -> r.reservation().isPresent())
                .toList().containsAll(launched.footprint().resources()));
        assertThat(freed.resources()).containsAll(launched.footprint().resources());
    }

    @Test
    void aPodTooBigForTheRoleDoesNotSpillIntoUnreservedResources() {
        BackendFixtures.Started started = fixtures.start(builder());
        PodSpec pod = fixtures.pod("etl", SPEC.formatted("2"));

        EvaluationResult result = fixtures.evaluator.evaluate(PodRequest.newInstance(pod, 0), started.events().offers(2),
                List.of());

        assertThat(result).isInstanceOf(EvaluationResult.Failure.class);
        assertThat(((EvaluationResult.Failure) result).outcome().render()).contains("analytics");
    }

    @Test
    void aPodWithoutTheRoleLeavesTheStaticReservationAlone() {
        BackendFixtures.Started started = fixtures.start(builder());
        PodSpec pod = fixtures.pod(1, "RUNNING", "exec sleep 1000", "");

        EvaluationResult.Success launched = fixtures.launch(started, PodRequest.newInstance(pod, 0), started.events().offers(2));

        assertThat(launched.footprint().resources()).isNotEmpty().allSatisfy(r -> assertThat(r.preReservedRole()).isEmpty());
        started.events().await(taskId(launched), TaskState.RUNNING);
    }
}
