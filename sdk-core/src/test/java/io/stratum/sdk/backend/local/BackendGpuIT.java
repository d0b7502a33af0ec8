package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.BackendFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.backend.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GPUs are offered only by agents that have them, and a task reserving them gets them accounted. */
class BackendGpuIT {
    private static final String SPEC = """
            name: svc
            pods:
              trainer:
                count: 2
                tasks:
                  main:
                    goal: RUNNING
                    cmd: exec sleep 1000
                    cpus: 0.1
                    memory: 32
                    gpus: 1
            """;

    @RegisterExtension
    final BackendFixtures fixtures = new BackendFixtures();

    @Test
    void aPodWithGpusDeploysOnlyOnTheAgentThatHasThem() {
        BackendFixtures.Started started = fixtures.start(fixtures.builder().withGpus(2, 1));
        PodSpec pod = fixtures.pod("trainer", SPEC);
        List<Offer> offers = started.events().offers(2);
        assertThat(offers.get(0).resources()).noneMatch(r -> r.name().equals(Resource.GPUS));
        assertThat(offers.get(1).resources()).contains(Resource.scalar(Resource.GPUS, 1));

        EvaluationResult.Success first = fixtures.launch(started, PodRequest.newInstance(pod, 0), offers);

        assertThat(first.offer().agent().id()).isEqualTo("local-agent-2");
        assertThat(first.footprint().resources()).filteredOn(r -> r.name().equals(Resource.GPUS)).singleElement()
                .satisfies(gpus -> assertThat(gpus.amount()).isEqualTo(1));
        started.events().await(taskId(first), TaskState.RUNNING);
        Offer after = started.events().offer("local-agent-2", o -> !o.id().equals(first.offer().id()));
        assertThat(after.resources()).noneMatch(r -> r.name().equals(Resource.GPUS) && r.reservation().isEmpty());
        EvaluationResult second = fixtures.evaluator.evaluate(PodRequest.newInstance(pod, 1),
                List.of(started.events().offers(2).get(0), after), List.of());
        assertThat(second).isInstanceOf(EvaluationResult.Failure.class);
        assertThat(((EvaluationResult.Failure) second).outcome().render()).contains("gpus");
    }
}
