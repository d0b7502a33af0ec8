package io.stratum.sdk.internal.offer;

import static io.stratum.sdk.internal.offer.OfferFixtures.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The offer package's value types keep their promises. */
class ValueTypesTest {

    @Test
    void uniqueIdsNeverRepeatAcrossGenerators() {
        IdGenerator first = IdGenerator.unique();
        IdGenerator second = IdGenerator.unique();
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> {
            ids.add(first.next("node-0"));
            ids.add(second.next("node-0"));
        });

        assertThat(ids).hasSize(2000).allMatch(id -> id.startsWith("node-0__"));
        assertThat(IdGenerator.sequential().next("x")).isEqualTo("x__1");
    }

    @Test
    void outcomeTreeListsItsFailuresAndRendersIndented() {
        EvaluationOutcome tree = EvaluationOutcome.fail("pod p-0 fits none of 1 offer", List.of(
                EvaluationOutcome.fail("offer o1: mem 1 < 2", List.of(EvaluationOutcome.pass("cpus"),
                        EvaluationOutcome.fail("mem: mem 1 < 2", List.of())))));

        assertThat(tree.failures()).containsExactly("pod p-0 fits none of 1 offer", "offer o1: mem 1 < 2", "mem: mem 1 < 2");
        assertThat(tree.render()).isEqualTo("FAIL pod p-0 fits none of 1 offer\n  FAIL offer o1: mem 1 < 2\n"
                + "    PASS cpus\n    FAIL mem: mem 1 < 2\n");
    }

    @Test
    void requestsValidateTheirTasksAndFootprint() {
        var pod = PodBuilder.simple("node", 1, 1);
        assertThatIllegalArgumentException().isThrownBy(() -> PodRequest.newInstance(pod, 0).withTasks("nope"))
                .withMessage("pod node has no task nope");
        assertThatIllegalArgumentException().isThrownBy(() -> PodRequest.newInstance(pod, -1));
        assertThat(PodRequest.replace(pod, 3).podInstanceName()).isEqualTo("node-3");
    }

    @Test
    void footprintsHoldOnlyLabelledReservations() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PodFootprint("a1", List.of(Resource.scalar("cpus", 1))));
        Resource reserved = Resource.scalar("cpus", 1).withReservation(Reservation.of("r", "p", "id-7"));
        assertThat(new PodFootprint("a1", List.of(reserved)).resourceIds()).containsExactly("id-7");
    }

    @Test
    void recommendationsRefuseResourcesThatDoNotFitTheOperation() {
        Resource plain = Resource.scalar("cpus", 1);
        assertThatIllegalArgumentException().isThrownBy(() -> new Operation.Reserve("o", plain));
        assertThatIllegalArgumentException().isThrownBy(() -> new Operation.Unreserve("o", plain));
        assertThatIllegalArgumentException().isThrownBy(() -> new Operation.CreateVolume("o", plain));
        assertThatIllegalArgumentException().isThrownBy(() -> new Operation.DestroyVolume("o", plain));
        assertThat(Offer.of("o17", agent(3)).describe()).isEqualTo("offer o17 on host h3");
    }
}
