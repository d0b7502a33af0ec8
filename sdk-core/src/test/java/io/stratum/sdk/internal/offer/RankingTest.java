package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Offer;

import static io.stratum.sdk.internal.offer.OfferFixtures.builder;
import static io.stratum.sdk.internal.offer.OfferFixtures.evaluator;
import static io.stratum.sdk.internal.offer.OfferFixtures.offer;
import static io.stratum.sdk.internal.offer.OfferFixtures.success;
import static io.stratum.sdk.internal.offer.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.placement.PlacementPreference;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.spec.PodSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several offers fit: the best one wins, not the first. */
class RankingTest {
    private final PodSpec small = PodBuilder.simple("node", 1, 1024);
    private final List<Offer> offers = List.of(offer(1, 8, 8192), offer(2, 2, 2048), offer(3, 4, 4096));

    private static String chosen(OfferEvaluator evaluator, PodSpec pod, List<Offer> offers) {
        return success(evaluator.evaluate(PodRequest.newInstance(pod, 0), offers, List.of())).offer().id();
    }

    @Test
    void binPackingPicksTheOfferLeftFullest() {
        assertThat(chosen(evaluator(), small, offers)).isEqualTo("o2");
    }

    @Test
    void spreadingPicksTheOfferLeftEmptiest() {
        assertThat(chosen(builder().withRankingPolicy(RankingPolicy.spread()).build(), small, offers)).isEqualTo("o1");
    }

    @Test
    void customPolicyDecides() {
        RankingPolicy memoryOnly = (cpus, memory, disk) -> 1 - Math.abs(memory - 0.25);
        assertThat(chosen(builder().withRankingPolicy(memoryOnly).build(), small, offers)).isEqualTo("o3");
    }

    @Test
    void softPreferenceOutranksThePolicy() {
        List<Offer> zoned = List.of(offer(1, agent(1, "z-a"), 8, 8192), offer(2, agent(2, "z-b"), 2, 2048));
        PodSpec prefersA = pod("node").task("server", 1, 1024)
                .prefer(new PlacementPreference.Prefer("@zone", "z-a", 2)).build();

        assertThat(chosen(evaluator(), prefersA, zoned)).isEqualTo("o1");
    }

    @Test
    void avoidPreferenceSteersAway() {
        List<Offer> racks = List.of(offer(1, Agent.of("a1", "h1").withAttribute("rack", "r1"), 2, 2048),
                offer(2, Agent.of("a2", "h2").withAttribute("rack", "r2"), 8, 8192));
        PodSpec avoidsR1 = pod("node").task("server", 1, 1024).prefer(new PlacementPreference.Avoid("rack", "r1", 5)).build();

        assertThat(chosen(evaluator(), avoidsR1, racks)).isEqualTo("o2");
    }

    @Test
    void softPreferencesNeverBlockPlacement() {
        PodSpec prefersMissingZone = pod("node").task("server", 1, 1024)
                .prefer(new PlacementPreference.Prefer("@zone", "nowhere", 10))
                .prefer(new PlacementPreference.Spread("rack", Map.of("r9", 100.0), 10)).build();

        assertThat(chosen(evaluator(), prefersMissingZone, List.of(offer(7, 2, 2048)))).isEqualTo("o7");
    }

    @Test
    void spreadPreferenceFillsTheEmptierZoneInABatch() {
        List<Offer> zoned = List.of(offer(1, agent(1, "z-a"), 64, 65536), offer(2, agent(2, "z-b"), 64, 65536));
        PodSpec spread = pod("node").task("server", 1, 1024)
                .prefer(new PlacementPreference.Spread("@zone", Map.of(), 5)).build();
        PlacementRound round = evaluator().round(zoned, List.of());

        List<String> chosen = round.placeAll(List.of(PodRequest.newInstance(spread, 0), PodRequest.newInstance(spread, 1),
                PodRequest.newInstance(spread, 2), PodRequest.newInstance(spread, 3))).stream()
                .map(r -> success(r).offer().id()).toList();

        assertThat(chosen).containsExactlyInAnyOrder("o1", "o1", "o2", "o2");
    }

    @Test
    void targetPercentagesSkewTheSpread() {
        List<Offer> zoned = List.of(offer(1, agent(1, "z-a"), 64, 65536), offer(2, agent(2, "z-b"), 64, 65536));
        PodSpec skewed = pod("node").task("server", 1, 1024)
                .prefer(new PlacementPreference.Spread("@zone", Map.of("z-a", 75.0, "z-b", 25.0), 5)).build();
        PlacementRound round = evaluator().round(zoned, List.of());

        long inA = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> success(round.place(PodRequest.newInstance(skewed, i))).offer().id())
                .filter("o1"::equals).count();

        assertThat(inA).isEqualTo(6);
    }

    private static Agent agent(int i, String zone) {
        return Agent.of("a" + i, "h" + i).withFaultDomain("region-1", zone);
    }
}
