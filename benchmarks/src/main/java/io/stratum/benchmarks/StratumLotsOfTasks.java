package io.stratum.benchmarks;

import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.offer.PlacementRound;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.internal.offer.RankingPolicy;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link LotsOfTasks} placed by Stratum: one offer per host, one pod type per task size, each task
 * a new pod instance; a {@link PlacementRound} places the batches one after the other, bin packing.
 */
final class StratumLotsOfTasks extends BatchPlacer {
    private final OfferEvaluator evaluator = OfferEvaluator.builder().withRankingPolicy(RankingPolicy.binPack()).build();
    private final List<Offer> offers = new ArrayList<>();
    private final List<List<PodRequest>> batches = new ArrayList<>();
    private PlacementRound round;

    StratumLotsOfTasks(LotsOfTasks workload) {
        super(workload);
        for (int h = 0; h < workload.hosts(); h++) {
            offers.add(Offer.of("offer-" + h, Agent.of("agent-" + h, "host" + h),
                    Resource.scalar(Resource.CPUS, workload.cores()), Resource.scalar(Resource.MEM, workload.cores() * 1000.0),
                    Resource.ports(new Range(1, LotsOfTasks.PORTS_PER_HOST))));
        }
        Map<Double, PodSpec> pods = new HashMap<>();
        Map<Double, Integer> instances = new HashMap<>();
        for (int b = 0; b < workload.batches(); b++) {
            List<PodRequest> batch = new ArrayList<>();
            for (LotsOfTasks.Task task : workload.batch(b)) {
                PodSpec pod = pods.computeIfAbsent(task.cpus(),
                        c -> Pods.oneTask("cpus" + c.intValue(), c, task.memory(), ""));
                batch.add(PodRequest.newInstance(pod, instances.merge(task.cpus(), 1, Integer::sum) - 1));
            }
            batches.add(batch);
        }
        reset();
    }

    @Override
    void startOver() {
        round = evaluator.round(offers, List.of());
    }

    @Override
    int place(int batch) {
        int placed = 0;
        for (EvaluationResult result : round.placeAll(batches.get(batch))) {
            if (result instanceof EvaluationResult.Success success) {
                placed++;
                placed(success.launch().tasks().get(0).spec().cpus());
            }
        }
        return placed;
    }
}
