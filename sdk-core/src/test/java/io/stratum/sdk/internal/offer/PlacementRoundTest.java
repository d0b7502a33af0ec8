package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Offer;

import static io.stratum.sdk.internal.offer.OfferFixtures.agent;
import static io.stratum.sdk.internal.offer.OfferFixtures.evaluator;
import static io.stratum.sdk.internal.offer.OfferFixtures.failure;
import static io.stratum.sdk.internal.offer.OfferFixtures.offer;
import static io.stratum.sdk.internal.offer.OfferFixtures.success;
import static io.stratum.sdk.internal.offer.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.placement.Field;
import io.stratum.sdk.placement.PlacedTask;
import io.stratum.sdk.placement.PlacementRule;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.spec.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The batch API: many instances over one set of offers, each seeing what the others took. */
class PlacementRoundTest {

    private static List<Offer> zonedOffers(int count, int zones, double cpus) {
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Agent agent = agent(i).withFaultDomain("region", "z" + (i % zones));
            offers.add(offer(i, agent, cpus, cpus * 1024));
        }
        return offers;
    }

    private static List<PodRequest> instances(PodSpec pod, int count) {
        return IntStream.range(0, count).mapToObj(i -> PodRequest.newInstance(pod, i)).toList();
    }

    @Test
    void laterPlacementsSeeTheResourcesEarlierOnesTook() {
        PlacementRound round = evaluator().round(List.of(offer(1, 2, 2048)), List.of());
        PodSpec pod = PodBuilder.simple("node", 1, 1024);

        List<EvaluationResult> results = round.placeAll(instances(pod, 3));

        assertThat(results).extracting(EvaluationResult::isSuccess).containsExactly(true, true, false);
        assertThat(failure(results.get(2)).children().get(0).text())
                .isEqualTo("offer o1 on host h1: cpus 0 < 1 wanted by task node-2-server");
    }

    @Test
    void uniqueHostnameAndGroupByZoneHoldAcrossABatch() {
        PodSpec pod = pod("node").placement("hostname:UNIQUE,@zone:GROUP_BY").task("server", 1, 1024).build();
        List<Offer> offers = zonedOffers(30, 3, 4);

        List<EvaluationResult> results = evaluator().round(offers, List.of()).placeAll(instances(pod, 30));

        assertThat(results).allMatch(EvaluationResult::isSuccess);
        List<Agent> agents = results.stream().map(r -> success(r).offer().agent()).toList();
        assertThat(agents).extracting(Agent::hostname).doesNotHaveDuplicates();
        assertThat(agents.stream().collect(Collectors.groupingBy(a -> a.zone().orElseThrow(), Collectors.counting())))
                .containsOnly(Map.entry("z0", 10L), Map.entry("z1", 10L), Map.entry("z2", 10L));
    }

    @Test
    void oneMoreInstanceThanHostsFailsOnTheRule() {
        PodSpec pod = pod("node").placement("hostname:UNIQUE").task("server", 1, 1024).build();

        List<EvaluationResult> results = evaluator().round(zonedOffers(3, 1, 4), List.of()).placeAll(instances(pod, 4));

        assertThat(results.subList(0, 3)).allMatch(EvaluationResult::isSuccess);
        assertThat(failure(results.get(3)).failures()).anyMatch(t -> t.contains("already has 1 instance of node"));
    }

    @Test
    void batchPlacesLikeOneEvaluationAtATime() {
        PodSpec pod = pod("node").placement("@zone:GROUP_BY").task("server", 1.5, 1024).build();
        List<Offer> offers = zonedOffers(12, 3, 4);
        OfferEvaluator evaluator = evaluator();

        List<String> batch = evaluator.round(offers, List.of()).placeAll(instances(pod, 20)).stream()
                .map(r -> success(r).offer().id()).toList();
        List<String> single = new ArrayList<>();
        List<Offer> remaining = new ArrayList<>(offers);
        List<PlacedTask> placed = new ArrayList<>();
        for (PodRequest request : instances(pod, 20)) {
            PlacementRound fresh = evaluator.round(remaining, placed);
            EvaluationResult.Success result = success(fresh.place(request));
            single.add(result.offer().id());
            placed.add(new PlacedTask("node", request.index(), "server", result.offer().agent()));
            remaining.replaceAll(o -> o.id().equals(result.offer().id()) ? shrink(o, 1.5, 1024) : o);
        }

        assertThat(batch).isEqualTo(single);
    }

    @Test
    void replacementNoLongerCountsItsOldPlacement() {
        PodSpec pod = pod("node").placement("hostname:UNIQUE").task("server", 1, 1024).build();
        List<PlacedTask> placed = List.of(new PlacedTask("node", 0, "server", agent(1)));

        assertThat(evaluator().evaluate(PodRequest.newInstance(pod, 1), List.of(offer(1, 4, 4096)), placed).isSuccess())
                .isFalse();
        assertThat(evaluator().evaluate(PodRequest.replace(pod, 0), List.of(offer(1, 4, 4096)), placed).isSuccess())
                .isTrue();
    }

    @Test
    void replacementInARoundReopensTheHostItsOldPlacementHeld() {
        PodSpec pod = pod("node").placement("hostname:UNIQUE").task("server", 1, 1024).build();
        PlacementRound round = evaluator().round(zonedOffers(2, 1, 8), List.of());
        List<EvaluationResult> first = round.placeAll(instances(pod, 3));
        assertThat(first).extracting(EvaluationResult::isSuccess).containsExactly(true, true, false);

        EvaluationResult replaced = round.place(PodRequest.replace(pod, 0));

        assertThat(success(replaced).offer().id()).isEqualTo(success(first.get(0)).offer().id());
        assertThat(round.place(PodRequest.newInstance(pod, 2)).isSuccess()).isFalse();
    }

    @Test
    void customRulesApplyOnTopOfTheSpec() {
        OfferEvaluator evaluator = OfferFixtures.builder()
                .withPlacementRule("node", PlacementRule.not(PlacementRule.hostname("h0"))).build();
        PodSpec pod = PodBuilder.simple("node", 1, 1024);

        assertThat(success(evaluator.evaluate(PodRequest.newInstance(pod, 0),
                List.of(offer(0, 2, 2048), offer(1, 8, 8192)), List.of())).offer().id()).isEqualTo("o1");
    }

    @Test
    void avoidAndColocateFollowOtherPodTypesPlacedInTheRound() {
        OfferEvaluator evaluator = OfferFixtures.builder()
                .withPlacementRule("cache", PlacementRule.colocate("app"))
                .withPlacementRule("batch", PlacementRule.avoid("app")).build();
        PlacementRound round = evaluator.round(List.of(offer(1, 8, 8192), offer(2, 8, 8192)), List.of());

        String app = success(round.place(PodRequest.newInstance(PodBuilder.simple("app", 1, 100), 0))).offer().id();
        String cache = success(round.place(PodRequest.newInstance(PodBuilder.simple("cache", 1, 100), 0))).offer().id();
        String batch = success(round.place(PodRequest.newInstance(PodBuilder.simple("batch", 1, 100), 0))).offer().id();

        assertThat(cache).isEqualTo(app);
        assertThat(batch).isNotEqualTo(app);
    }

    @Test
    void roundExposesWhereInstancesAre() {
        PlacementRound round = evaluator().round(List.of(offer(1, 8, 8192)), List.of());
        round.placeAll(instances(PodBuilder.simple("node", 1, 100), 3));

        assertThat(round.placement().count("node", Field.hostname(), "h1")).isEqualTo(3);
    }

    @Test
    void largeFailureTreesExplainTheFirstOffersAndCountTheRest() {
        OfferEvaluator evaluator = OfferFixtures.builder().withMaxExplainedOffers(2).build();
        List<Offer> offers = zonedOffers(5, 1, 1);

        EvaluationOutcome outcome = failure(evaluator.evaluate(PodRequest.newInstance(PodBuilder.simple("node", 2, 1), 0),
                offers, List.of()));

        assertThat(outcome.children()).hasSize(3);
        assertThat(outcome.children().get(2).text()).isEqualTo("3 more offers, failing at cpus (3)");
        assertThat(outcome.render()).startsWith("FAIL pod node-0 (tasks server) fits none of 5 offers\n"
                + "  FAIL offer o0 on host h0: cpus 1 < 2 wanted by task node-0-server\n    PASS placement\n");
    }

    private static Offer shrink(Offer offer, double cpus, double mem) {
        Function<io.stratum.sdk.resource.Resource, io.stratum.sdk.resource.Resource> take = r -> switch (r.name()) {
            case "cpus" -> io.stratum.sdk.resource.Resource.scalar("cpus", r.amount() - cpus);
            case "mem" -> io.stratum.sdk.resource.Resource.scalar("mem", r.amount() - mem);
            default -> r;
        };
        return new Offer(offer.id(), offer.agent(), offer.resources().stream().map(take).toList());
    }
}
