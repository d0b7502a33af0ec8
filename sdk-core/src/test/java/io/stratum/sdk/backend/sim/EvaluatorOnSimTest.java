package io.stratum.sdk.backend.sim;

import static io.stratum.sdk.backend.sim.SimFixtures.started;
import static io.stratum.sdk.backend.sim.SimFixtures.unreserved;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The real offer evaluator placing pods on sim offers, and the sim running them. */
class EvaluatorOnSimTest {
    private static final String YAML = """
            name: store
            pods:
              node:
                count: 3
                placement: '[["hostname", "UNIQUE"]]'
                tasks:
                  server:
                    goal: RUNNING
                    cmd: ./server
                    cpus: 1
                    memory: 1024
                    ports:
                      http:
                        port: 0
                    volume:
                      path: data
                      type: ROOT
                      size: 512
                    readiness-check:
                      cmd: ./ready
            """;

    private final PodSpec pod = load();
    private final OfferEvaluator evaluator = OfferEvaluator.builder().build();
    private final SimFixtures.Started sim = started(3);

    private static PodSpec load() {
        try {
            return SpecLoader.builder().build().load("svc.yml", YAML, Path.of(".")).pod("node");
        } catch (SpecException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private EvaluationResult.Success place(PodRequest request) {
        EvaluationResult result = evaluator.evaluate(request, sim.offers(), List.of());
        assertThat(result).as("%s", result).isInstanceOf(EvaluationResult.Success.class);
        EvaluationResult.Success success = (EvaluationResult.Success) result;
        sim.cluster().accept(List.of(success.offer().id()), success.recommendations());
        sim.cluster().deliver();
        return success;
    }

    private TaskLaunch launchedTask(EvaluationResult.Success success) {
        return success.launch().tasks().get(0);
    }

    @Test
    void aPodFromYamlIsPlacedOnSimOffersAndRunsUntilReady() {
        EvaluationResult.Success placed = place(PodRequest.newInstance(pod, 0));

        String agentId = placed.offer().agent().id();
        TaskLaunch task = launchedTask(placed);
        assertThat(sim.listener().states(task.taskId())).containsExactly(TaskState.STARTING, TaskState.RUNNING);
        assertThat(sim.listener().last(task.taskId()).status().readiness()).isEqualTo(CheckState.PASSED);
        assertThat(sim.cluster().reservations(agentId)).containsExactlyInAnyOrderElementsOf(placed.footprint().resources());
        assertThat(sim.cluster().volumes(agentId)).singleElement()
                .satisfies(v -> assertThat(v.volume().orElseThrow().containerPath()).isEqualTo("data"));
        assertThat(sim.cluster().errors()).isEmpty();
        assertThat(sim.cluster().offerable(agentId)).noneMatch(r -> r.reservation().isPresent());
    }

    @Test
    void aFailedPodIsRelaunchedInPlaceOnTheSameReservationsAndVolume() {
        EvaluationResult.Success first = place(PodRequest.newInstance(pod, 0));
        sim.cluster().fail(launchedTask(first).taskId(), "exit 137");
        long reserves = sim.cluster().operationsApplied().reserves();

        EvaluationResult.Success again = place(PodRequest.inPlace(pod, 0, first.footprint()));

        assertThat(again.recommendations()).singleElement().isInstanceOf(Operation.Launch.class);
        assertThat(again.offer().agent()).isEqualTo(first.offer().agent());
        TaskLaunch relaunched = launchedTask(again);
        assertThat(sim.cluster().task(relaunched.taskId())).get().extracting(SimTask::state).isEqualTo(TaskState.RUNNING);
        assertThat(relaunched.env().get("PORT_HTTP")).isEqualTo(launchedTask(first).env().get("PORT_HTTP"));
        assertThat(sim.cluster().operationsApplied().reserves()).isEqualTo(reserves);
        assertThat(sim.cluster().volumes(again.offer().agent().id())).hasSize(1);
    }

    @Test
    void aPlacementRoundSpreadsInstancesOverTheAgentsAndAllRun() {
        List<EvaluationResult> results = evaluator.round(sim.offers(), List.of())
                .placeAll(IntStream.range(0, 3).mapToObj(i -> PodRequest.newInstance(pod, i)).toList());

        for (EvaluationResult result : results) {
            EvaluationResult.Success success = (EvaluationResult.Success) result;
            sim.cluster().accept(List.of(success.offer().id()), success.recommendations());
        }
        sim.cluster().deliver();

        assertThat(sim.cluster().liveTasks()).hasSize(3).allMatch(t -> t.state() == TaskState.RUNNING)
                .extracting(SimTask::agentId).doesNotHaveDuplicates();
        assertThat(sim.offers()).allSatisfy(o -> assertThat(unreserved(o, "cpus")).isEqualTo(3));
    }

    @Test
    void garbageCollectionOfAnEndedPodGivesTheAgentBackWhole() {
        EvaluationResult.Success placed = place(PodRequest.newInstance(pod, 0));
        sim.cluster().kill(launchedTask(placed).taskId(), java.time.Duration.ofSeconds(5));
        List<Offer> offers = sim.offers();

        List<Operation> garbage = evaluator.collectGarbage(offers, Set.of());
        Map<String, List<Operation>> byOffer = new LinkedHashMap<>();
        garbage.forEach(r -> byOffer.computeIfAbsent(r.offerId(), id -> new java.util.ArrayList<>()).add(r));
        byOffer.forEach((offerId, ops) -> sim.cluster().accept(List.of(offerId), ops));

        assertThat(sim.cluster().errors()).isEmpty();
        assertThat(sim.cluster().reservations(placed.offer().agent().id())).isEmpty();
        assertThat(sim.offers()).allSatisfy(o -> {
            assertThat(o.resources()).allMatch(r -> r.reservation().isEmpty());
            assertThat(unreserved(o, "cpus")).isEqualTo(4);
            assertThat(unreserved(o, "disk")).isEqualTo(10_000);
        });
    }
}
