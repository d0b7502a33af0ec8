package io.stratum.sdk.internal.offer;

import static io.stratum.sdk.internal.offer.OfferFixtures.PRINCIPAL;
import static io.stratum.sdk.internal.offer.OfferFixtures.ROLE;
import static io.stratum.sdk.internal.offer.OfferFixtures.evaluator;
import static io.stratum.sdk.internal.offer.OfferFixtures.offer;
import static io.stratum.sdk.internal.offer.OfferFixtures.success;
import static io.stratum.sdk.internal.offer.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewPodTest {

    @Test
    void reservesEachResourceUnderItsOwnLabelledIdThenLaunches() {
        PodSpec node = pod("node").task("server", 1, 1024).build();

        EvaluationResult.Success result = success(evaluator().evaluate(PodRequest.newInstance(node, 2),
                List.of(offer(1, 4, 4096)), List.of()));

        List<Operation.Reserve> reserves = result.recommendations(Operation.Reserve.class);
        assertThat(reserves).extracting(r -> r.resource().name()).containsExactly("cpus", "mem");
        assertThat(reserves).extracting(r -> r.resource().amount()).containsExactly(1.0, 1024.0);
        Reservation cpus = reserves.get(0).resource().reservation().orElseThrow();
        assertThat(cpus.role()).isEqualTo(ROLE);
        assertThat(cpus.principal()).isEqualTo(PRINCIPAL);
        assertThat(cpus.labels()).containsEntry(Reservation.POD_INSTANCE, "node-2")
                .containsEntry(Reservation.RESOURCE_SET, "server-resource-set");
        assertThat(reserves).extracting(r -> r.resource().resourceId().orElseThrow()).doesNotHaveDuplicates();
        assertThat(result.recommendations().get(result.recommendations().size() - 1))
                .isInstanceOf(Operation.Launch.class);
    }

    @Test
    void launchCarriesTaskIdsEnvironmentAndTheReservedResources() {
        PodSpec node = pod("node").task("server", 1, 1024).env("server", "MODE", "fast").build();

        Operation.Launch launch = success(evaluator().evaluate(PodRequest.newInstance(node, 0),
                List.of(offer(1, 4, 4096)), List.of())).launch();

        assertThat(launch.offerId()).isEqualTo("o1");
        assertThat(launch.agentId()).isEqualTo("a1");
        assertThat(launch.podInstance()).isEqualTo("node-0");
        TaskLaunch task = launch.tasks().get(0);
        assertThat(task.taskId()).startsWith("node-0-server__");
        assertThat(task.fullName()).isEqualTo("node-0-server");
        assertThat(task.env()).containsEntry("MODE", "fast").containsEntry("TASK_NAME", "node-0-server")
                .containsEntry("POD_INSTANCE_INDEX", "0");
        assertThat(task.resources()).extracting(Resource::name).containsExactly("cpus", "mem");
        assertThat(task.resources()).allMatch(r -> r.resourceId().isPresent());
    }

    @Test
    void footprintHoldsEveryReservationOnTheChosenAgent() {
        PodSpec node = pod("node").task("server", 1, 1024).port("server", "http", 0).build();

        EvaluationResult.Success result = success(evaluator().evaluate(PodRequest.newInstance(node, 0),
                List.of(offer(1, 4, 4096)), List.of()));

        assertThat(result.footprint().agentId()).isEqualTo("a1");
        assertThat(result.footprint().resourceIds()).containsExactlyInAnyOrderElementsOf(
                result.recommendations(Operation.Reserve.class).stream()
                        .map(r -> r.resource().resourceId().orElseThrow()).toList());
    }

    @Test
    void tasksSharingAResourceSetReserveItOnce() {
        PodSpec pod = pod("web").resourceSet("shared", 2, 2048).taskOnSet("init", "shared")
                .taskOnSet("server", "shared").build();

        EvaluationResult.Success result = success(evaluator().evaluate(PodRequest.newInstance(pod, 0),
                List.of(offer(1, 2, 2048)), List.of()));

        assertThat(result.recommendations(Operation.Reserve.class)).hasSize(2);
        List<TaskLaunch> tasks = result.launch().tasks();
        assertThat(tasks).extracting(TaskLaunch::taskName).containsExactly("init", "server");
        assertThat(tasks.get(0).resources()).isEqualTo(tasks.get(1).resources());
    }

    @Test
    void launchesOnlyTheRequestedTasks() {
        PodSpec pod = pod("web").task("init", 1, 100).task("server", 1, 100).build();

        EvaluationResult.Success result = success(evaluator().evaluate(
                PodRequest.newInstance(pod, 0).withTasks("init"), List.of(offer(1, 4, 4096)), List.of()));

        assertThat(result.launch().tasks()).extracting(TaskLaunch::taskName).containsExactly("init");
        assertThat(result.recommendations(Operation.Reserve.class)).extracting(r -> r.resource().amount())
                .containsExactly(1.0, 100.0);
    }

    @Test
    void reservesExecutorOverheadOncePerInstance() {
        PodSpec pod = pod("web").task("a", 1, 100).task("b", 1, 100).build();
        OfferEvaluator evaluator = OfferFixtures.builder().withExecutorOverhead(0.1, 32, 256).build();

        EvaluationResult.Success result = success(evaluator.evaluate(PodRequest.newInstance(pod, 0),
                List.of(offer(1, 4, 4096)), List.of()));

        assertThat(result.launch().executorResources()).extracting(Resource::name, Resource::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cpus", 0.1),
                        org.assertj.core.groups.Tuple.tuple("mem", 32.0), org.assertj.core.groups.Tuple.tuple("disk", 256.0));
        assertThat(result.recommendations(Operation.Reserve.class)).hasSize(7);
    }

    @Test
    void keepsGoalsOnTheLaunchedTasks() {
        PodSpec pod = pod("job").task("setup", 1, 100).goal("setup", io.stratum.sdk.spec.Goal.ONCE)
                .task("work", 1, 100).goal("work", io.stratum.sdk.spec.Goal.FINISH).build();

        Operation.Launch launch = success(evaluator().evaluate(PodRequest.newInstance(pod, 0),
                List.of(offer(1, 4, 4096)), List.of())).launch();

        assertThat(launch.tasks()).extracting(t -> t.spec().goal())
                .containsExactly(io.stratum.sdk.spec.Goal.ONCE, io.stratum.sdk.spec.Goal.FINISH);
    }
}
