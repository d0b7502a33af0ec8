package io.stratum.sdk.internal.offer;

import static io.stratum.sdk.internal.offer.OfferFixtures.evaluator;
import static io.stratum.sdk.internal.offer.OfferFixtures.failure;
import static io.stratum.sdk.internal.offer.OfferFixtures.offer;
import static io.stratum.sdk.internal.offer.OfferFixtures.reoffer;
import static io.stratum.sdk.internal.offer.OfferFixtures.success;
import static io.stratum.sdk.internal.offer.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.VolumeType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Relaunching in place, after a failure or a config update, on exactly the instance's reservations. */
class RelaunchTest {
    private final OfferEvaluator evaluator = evaluator();
    private final PodSpec node = node(1, 1024, 512);

    /** @return pod {@code node}: task {@code server} with these resources, a dynamic port and a ROOT volume */
    private static PodSpec node(double cpus, double memMb, double volumeMb) {
        return pod("node").task("server", cpus, memMb).port("server", "http", 0)
                .volume("server", "data", VolumeType.ROOT, volumeMb).build();
    }

    /** @return the evaluation of instance 0 of {@code pod} relaunched in place, after {@code first}, on {@code offer} */
    private EvaluationResult inPlace(PodSpec pod, EvaluationResult.Success first, Offer offer) {
        return evaluator.evaluate(PodRequest.inPlace(pod, 0, first.footprint()), List.of(offer), List.of());
    }

    private EvaluationResult.Success launchFirst() {
        return success(evaluator.evaluate(PodRequest.newInstance(node, 0), List.of(offer(1, 4, 4096)), List.of()));
    }

    /** @return the first agent's offer after the launch: the footprint plus {@code unreserved} */
    private static Offer homeOffer(EvaluationResult.Success first, Resource... unreserved) {
        List<Resource> resources = new ArrayList<>(first.footprint().resources());
        resources.addAll(List.of(unreserved));
        return reoffer(first.offer(), "o1-again", resources);
    }

    @Test
    void relaunchReusesTheSameReservationsAndVolume() {
        EvaluationResult.Success first = launchFirst();

        EvaluationResult.Success again = success(inPlace(node, first, homeOffer(first)));

        assertThat(again.recommendations()).hasSize(1).first().isInstanceOf(Operation.Launch.class);
        assertThat(again.launch().tasks().get(0).resources())
                .containsExactlyInAnyOrderElementsOf(first.launch().tasks().get(0).resources());
        assertThat(again.launch().tasks().get(0).env().get("PORT_HTTP"))
                .isEqualTo(first.launch().tasks().get(0).env().get("PORT_HTTP"));
        assertThat(again.footprint().resourceIds()).isEqualTo(first.footprint().resourceIds());
        assertThat(again.launch().tasks().get(0).taskId()).isNotEqualTo(first.launch().tasks().get(0).taskId());
    }

    @Test
    void relaunchGoesOnlyToTheOriginalAgent() {
        EvaluationResult.Success first = launchFirst();

        EvaluationOutcome outcome = failure(inPlace(node, first, offer(2, 64, 65536)));

        assertThat(outcome.text()).startsWith("pod node-0 (in place on agent a1)");
        assertThat(outcome.children().get(0).text())
                .isEqualTo("offer o2 on host h2: agent a2 is not a1, where node-0 holds its reservations");
    }

    @Test
    void relaunchIgnoresPlacementRules() {
        PodSpec unique = pod("node").placement("hostname:UNIQUE").task("server", 1, 1024).build();
        EvaluationResult.Success first = success(evaluator.evaluate(PodRequest.newInstance(unique, 0),
                List.of(offer(1, 4, 4096)), List.of()));
        var placed = List.of(new io.stratum.sdk.placement.PlacedTask("node", 0, "server", first.offer().agent()),
                new io.stratum.sdk.placement.PlacedTask("node", 1, "server", first.offer().agent()));

        assertThat(evaluator.evaluate(PodRequest.inPlace(unique, 0, first.footprint()),
                List.of(homeOffer(first)), placed).isSuccess()).isTrue();
    }

    @Test
    void growingAResourceReservesOnlyTheDifferenceUnderTheSameId() {
        EvaluationResult.Success first = launchFirst();
        PodSpec bigger = node(1, 3072, 512);

        EvaluationResult.Success grown = success(inPlace(bigger, first, homeOffer(first, Resource.scalar("mem", 4096))));

        Operation.Reserve reserve = grown.recommendations(Operation.Reserve.class).get(0);
        assertThat(grown.recommendations(Operation.Reserve.class)).hasSize(1);
        assertThat(reserve.resource().name()).isEqualTo("mem");
        assertThat(reserve.resource().amount()).isEqualTo(2048);
        Resource oldMem = memOf(first);
        assertThat(reserve.resource().resourceId()).isEqualTo(oldMem.resourceId());
        assertThat(memOf(grown).amount()).isEqualTo(3072);
        assertThat(grown.footprint().resourceIds()).isEqualTo(first.footprint().resourceIds());
    }

    @Test
    void growingBeyondTheAgentFailsWithTheShortfall() {
        EvaluationResult.Success first = launchFirst();
        PodSpec bigger = node(1, 9000, 512);

        EvaluationOutcome outcome = failure(inPlace(bigger, first, homeOffer(first, Resource.scalar("mem", 1000))));

        assertThat(outcome.children().get(0).text())
                .isEqualTo("offer o1-again on host h1: mem 1000 < 7976 wanted by task node-0-server");
    }

    @Test
    void shrinkingAResourceUnreservesTheDifference() {
        EvaluationResult.Success first = launchFirst();
        PodSpec smaller = node(0.5, 1024, 512);

        EvaluationResult.Success shrunk = success(inPlace(smaller, first, homeOffer(first)));

        assertThat(shrunk.recommendations(Operation.Unreserve.class)).singleElement().satisfies(u -> {
            assertThat(u.resource().name()).isEqualTo("cpus");
            assertThat(u.resource().amount()).isEqualTo(0.5);
        });
        assertThat(shrunk.recommendations(Operation.Reserve.class)).isEmpty();
        assertThat(shrunk.launch().tasks().get(0).resources()).filteredOn(r -> r.name().equals("cpus"))
                .singleElement().extracting(Resource::amount).isEqualTo(0.5);
    }

    @Test
    void missingReservationFailsInsteadOfReservingAgain() {
        EvaluationResult.Success first = launchFirst();
        List<Resource> withoutMem = first.footprint().resources().stream().filter(r -> !r.name().equals("mem")).toList();
        Offer offer = reoffer(first.offer(), "o1-again", withoutMem);

        EvaluationOutcome outcome = failure(inPlace(node, first, offer));

        assertThat(outcome.children().get(0).text()).isEqualTo("offer o1-again on host h1: reservation "
                + memOf(first).resourceId().orElseThrow() + " of node-0 (mem 1024) is not in the offer");
    }

    @Test
    void volumeIsNeverRecreatedSilently() {
        EvaluationResult.Success first = launchFirst();
        List<Resource> volumeGone = first.footprint().resources().stream()
                .map(r -> r.volume().isPresent() ? r.withoutVolume() : r).toList();
        Offer offer = reoffer(first.offer(), "o1-again", volumeGone);

        EvaluationOutcome outcome = failure(inPlace(node, first, offer));

        assertThat(outcome.children().get(0).text()).isEqualTo("offer o1-again on host h1: volume node-0-data__5 of "
                + "node-0 is not in the offer; volumes are never recreated silently");
    }

    @Test
    void volumeIsNeverResized() {
        EvaluationResult.Success first = launchFirst();
        PodSpec resized = node(1, 1024, 1024);

        EvaluationOutcome outcome = failure(inPlace(resized, first, homeOffer(first, Resource.scalar("disk", 4096))));

        assertThat(outcome.children().get(0).text()).isEqualTo("offer o1-again on host h1: volume data of task "
                + "node-0-server is ROOT 1024 MB in the spec but ROOT 512 MB on the agent; volumes are never resized");
    }

    @Test
    void changedStaticPortIsSwapped() {
        PodSpec v1 = pod("node").task("server", 1, 100).port("server", "native", 1001).build();
        EvaluationResult.Success first = success(evaluator.evaluate(PodRequest.newInstance(v1, 0),
                List.of(offer(1, 4, 4096)), List.of()));
        PodSpec v2 = pod("node").task("server", 1, 100).port("server", "native", 1002).build();

        Resource port1002 = Resource.ports(new io.stratum.sdk.resource.Range(1002, 1002));
        EvaluationResult.Success updated = success(inPlace(v2, first, homeOffer(first, port1002)));

        assertThat(updated.recommendations(Operation.Unreserve.class)).singleElement()
                .extracting(u -> u.resource().value().toString()).isEqualTo("[[1001]]");
        assertThat(updated.recommendations(Operation.Reserve.class)).singleElement()
                .extracting(u -> u.resource().value().toString()).isEqualTo("[[1002]]");
        assertThat(updated.launch().tasks().get(0).env()).containsEntry("PORT_NATIVE", "1002");
    }

    @Test
    void aTaskLaunchedLaterGetsItsOwnResourcesOnTheSameAgent() {
        PodSpec pod = pod("web").task("init", 1, 100).task("server", 2, 200).build();
        EvaluationResult.Success init = success(evaluator.evaluate(PodRequest.newInstance(pod, 0).withTasks("init"),
                List.of(offer(1, 4, 4096)), List.of()));

        EvaluationResult.Success server = success(evaluator.evaluate(
                PodRequest.inPlace(pod, 0, init.footprint()).withTasks("server"),
                List.of(homeOffer(init, Resource.scalar("cpus", 3), Resource.scalar("mem", 3000))), List.of()));

        assertThat(server.recommendations(Operation.Reserve.class)).extracting(r -> r.resource().amount())
                .containsExactly(2.0, 200.0);
        assertThat(server.footprint().resourceIds()).containsAll(init.footprint().resourceIds()).hasSize(4);
    }

    private static Resource memOf(EvaluationResult.Success result) {
        return result.launch().tasks().get(0).resources().stream().filter(r -> r.name().equals("mem")).findFirst().orElseThrow();
    }
}
