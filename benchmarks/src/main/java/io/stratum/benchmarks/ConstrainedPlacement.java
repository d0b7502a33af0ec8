package io.stratum.benchmarks;

import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.internal.offer.RankingPolicy;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 10,000 instances of one pod with {@code hostname:UNIQUE} and {@code @zone:GROUP_BY}, placed on
 * 10,000 agents spread over zones, in one placement round: the whole placement, offers read and
 * recommendations built, is one shot. Goal: under one second. Fails loudly if any instance is not
 * placed or a constraint is broken, so a fast wrong answer can't pass for a result.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class ConstrainedPlacement {

    @Param("10000")
    public int agents;
    @Param("10")
    public int zones;
    @Param({"binpack", "spread"})
    public String ranking;

    private List<Offer> offers;
    private List<PodRequest> requests;
    private OfferEvaluator evaluator;

    @Setup(Level.Trial)
    public void create() {
        offers = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            Agent agent = Agent.of("agent-" + i, "host-" + i).withFaultDomain("region-1", "zone-" + (i % zones));
            offers.add(Offer.of("offer-" + i, agent, Resource.scalar(Resource.CPUS, 8), Resource.scalar(Resource.MEM, 32_768),
                    Resource.ports(new Range(10_000, 10_100))));
        }
        PodSpec pod = Pods.oneTask("node", 2, 4096, "hostname:UNIQUE,@zone:GROUP_BY");
        requests = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            requests.add(PodRequest.newInstance(pod, i));
        }
        evaluator = OfferEvaluator.builder()
                .withRankingPolicy(ranking.equals("spread") ? RankingPolicy.spread() : RankingPolicy.binPack()).build();
    }

    @Benchmark
    public List<EvaluationResult> placeAll() {
        List<EvaluationResult> results = evaluator.round(offers, List.of()).placeAll(requests);
        check(results);
        return results;
    }

    private void check(List<EvaluationResult> results) {
        java.util.Set<String> hosts = new java.util.HashSet<>();
        int[] perZone = new int[zones];
        for (EvaluationResult result : results) {
            if (!(result instanceof EvaluationResult.Success success)) {
                throw new IllegalStateException("not placed: " + result);
            }
            Agent agent = success.offer().agent();
            if (!hosts.add(agent.hostname())) {
                throw new IllegalStateException("hostname:UNIQUE broken on " + agent.hostname());
            }
            perZone[Integer.parseInt(agent.zone().orElseThrow().substring("zone-".length()))]++;
        }
        int min = java.util.Arrays.stream(perZone).min().orElse(0);
        int max = java.util.Arrays.stream(perZone).max().orElse(0);
        if (max - min > 1) {
            throw new IllegalStateException("@zone:GROUP_BY broken: " + java.util.Arrays.toString(perZone));
        }
    }
}
