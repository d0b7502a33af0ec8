package io.stratum.sdk.internal.offer;

import static io.stratum.sdk.internal.offer.OfferFixtures.ROLE;
import static io.stratum.sdk.internal.offer.OfferFixtures.agent;
import static io.stratum.sdk.internal.offer.OfferFixtures.evaluator;
import static io.stratum.sdk.internal.offer.OfferFixtures.offer;
import static io.stratum.sdk.internal.offer.OfferFixtures.success;
import static io.stratum.sdk.internal.offer.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.VolumeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GarbageCollectionTest {
    private final OfferEvaluator evaluator = evaluator();
    private final PodSpec node = pod("node").task("server", 1, 1024).volume("server", "data", VolumeType.ROOT, 100).build();

    private Offer offerHolding(EvaluationResult.Success placed, Resource... others) {
        List<Resource> resources = new ArrayList<>(placed.footprint().resources());
        resources.addAll(List.of(others));
        return new Offer("o9", placed.offer().agent(), resources);
    }

    @Test
    void reservationsNoKnownInstanceOwnsAreUnreservedAndTheirVolumesDestroyedFirst() {
        EvaluationResult.Success placed = success(evaluator.evaluate(PodRequest.newInstance(node, 0),
                List.of(offer(1, 4, 4096)), List.of()));

        List<Operation> garbage = evaluator.collectGarbage(List.of(offerHolding(placed)), Set.of());

        assertThat(garbage).extracting(r -> r.getClass().getSimpleName()).containsExactly("Unreserve",
                "Unreserve", "DestroyVolume", "Unreserve");
        Operation.Unreserve disk = (Operation.Unreserve) garbage.get(3);
        assertThat(disk.resource().volume()).isEmpty();
        assertThat(disk.resource().reservation()).isPresent();
        assertThat(garbage).allMatch(r -> r.offerId().equals("o9"));
    }

    @Test
    void ownedReservationsAreKept() {
        EvaluationResult.Success placed = success(evaluator.evaluate(PodRequest.newInstance(node, 0),
                List.of(offer(1, 4, 4096)), List.of()));

        assertThat(evaluator.collectGarbage(List.of(offerHolding(placed)), placed.footprint().resourceIds())).isEmpty();
    }

    @Test
    void otherRolesAndUnlabelledReservationsAreNotOurs() {
        Resource otherRole = Resource.scalar("cpus", 1).withReservation(Reservation.of("other-role", "p", "x1"));
        Resource noId = Resource.scalar("mem", 1).withReservation(new Reservation(ROLE, "p", java.util.Map.of()));
        Resource ours = Resource.scalar("mem", 2).withReservation(Reservation.of(ROLE, "p", "stale"));
        Offer offer = Offer.of("o1", agent(1), otherRole, noId, ours, Resource.scalar("cpus", 4));

        assertThat(evaluator.collectGarbage(List.of(offer), Set.of())).singleElement()
                .isEqualTo(new Operation.Unreserve("o1", ours));
    }

    @Test
    void replacedInstanceLeavesItsOldReservationsAsGarbage() {
        EvaluationResult.Success old = success(evaluator.evaluate(PodRequest.newInstance(node, 0),
                List.of(offer(1, 4, 4096)), List.of()));
        EvaluationResult.Success replacement = success(evaluator.evaluate(PodRequest.replace(node, 0),
                List.of(offer(2, 4, 4096)), List.of()));

        List<Operation> garbage = evaluator.collectGarbage(List.of(offerHolding(old)),
                replacement.footprint().resourceIds());

        assertThat(garbage).hasSize(4);
    }
}
