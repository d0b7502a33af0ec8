package io.stratum.sdk.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.placement.PlacementSpec;
import io.stratum.sdk.placement.PlacementSyntaxException;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.spec.PodSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A deploy of 1,000 pods on 1,000 agents costs the cluster milliseconds: offers, accepts and the
 * status updates that follow are all indexed by id. The bound is loose on purpose (shared CI
 * machines); the figures are printed.
 */
class ScaleTest {
    private static final int AGENTS = 1_000;

    private static PodSpec pod() throws PlacementSyntaxException {
        return new PodSpec("node", AGENTS, PlacementSpec.parse("hostname:UNIQUE"), List.of(), null, Map.of(), List.of(), Map.of(), Map.of(), null, false,
                false, List.of(), Map.of(), false, null, Map.of("server", SimFixtures.spec("server", Goal.RUNNING, true)));
    }

    @Test
    void aThousandPodsOnAThousandAgentsCostMilliseconds() throws PlacementSyntaxException {
        SimCluster cluster = SimCluster.builder().agents(AGENTS, a -> a.cpus(16).mem(65_536).disk(100_000)
                .mountDisk("/mnt/d1", 500_000)).withZones("region-1", "a", "b", "c").build();
        RecordingListener listener = new RecordingListener();
        cluster.start(Optional.empty(), listener);
        cluster.deliver();
        PodSpec pod = pod();

        long t0 = System.nanoTime();
        List<Offer> offers = cluster.sendOffers();
        long sendNanos = System.nanoTime() - t0;
        List<EvaluationResult> results = OfferEvaluator.builder().build().round(offers, List.of())
                .placeAll(IntStream.range(0, AGENTS).mapToObj(i -> PodRequest.newInstance(pod, i)).toList());
        long t1 = System.nanoTime();
        for (EvaluationResult result : results) { // one pod per agent: one accept per offer
            EvaluationResult.Success success = (EvaluationResult.Success) result;
            cluster.accept(List.of(success.offer().id()), success.recommendations());
        }
        long acceptNanos = System.nanoTime() - t1;
        long t2 = System.nanoTime();
        int delivered = cluster.deliver();
        List<Offer> again = cluster.sendOffers();
        cluster.deliver();
        long deliverAndResendNanos = System.nanoTime() - t2;

        System.out.printf("sim, %d agents: sendOffers %.1f ms, %d accepts %.1f ms, deliver %d events + sendOffers %.1f ms%n",
                AGENTS, sendNanos / 1e6, results.size(), acceptNanos / 1e6, delivered, deliverAndResendNanos / 1e6);
        assertThat(cluster.errors()).isEmpty();
        assertThat(cluster.liveTasks()).hasSize(AGENTS).allMatch(t -> t.state() == TaskState.RUNNING);
        assertThat(again).hasSize(AGENTS).allSatisfy(o -> assertThat(o.resources().stream()
                .filter(r -> r.name().equals(Resource.CPUS)).mapToDouble(Resource::amount).sum()).isEqualTo(15));
        assertThat((sendNanos + acceptNanos + deliverAndResendNanos) / 1e6).as("milliseconds").isLessThan(2_000);
    }
}
