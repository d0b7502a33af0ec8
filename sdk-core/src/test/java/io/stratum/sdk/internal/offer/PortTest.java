package io.stratum.sdk.internal.offer;

import static io.stratum.sdk.internal.offer.OfferFixtures.evaluator;
import static io.stratum.sdk.internal.offer.OfferFixtures.offer;
import static io.stratum.sdk.internal.offer.OfferFixtures.success;
import static io.stratum.sdk.internal.offer.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.PortRangeSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortTest {

    private static EvaluationResult.Success place(PodSpec pod) {
        return success(evaluator().evaluate(PodRequest.newInstance(pod, 0), List.of(offer(1, 4, 4096)), List.of()));
    }

    @Test
    void staticPortIsReservedAndExported() {
        TaskLaunch task = place(pod("node").task("server", 1, 100).port("server", "native", 1005).build())
                .launch().tasks().get(0);

        assertThat(task.ports()).containsEntry("native", 1005L);
        assertThat(task.env()).containsEntry("PORT_NATIVE", "1005");
    }

    @Test
    void dynamicPortIsPickedFromTheOfferAndSetUnderItsEnvKeyToo() {
        TaskLaunch task = place(pod("node").task("server", 1, 100).port("server", "http-admin", 0, "ADMIN_PORT").build())
                .launch().tasks().get(0);

        assertThat(task.ports()).containsEntry("http-admin", 1000L);
        assertThat(task.env()).containsEntry("PORT_HTTP_ADMIN", "1000").containsEntry("ADMIN_PORT", "1000");
    }

    @Test
    void dynamicPortsAvoidStaticOnesWhateverTheOrder() {
        TaskLaunch task = place(pod("node").task("server", 1, 100).port("server", "dyn", 0)
                .port("server", "fixed", 1000).build()).launch().tasks().get(0);

        assertThat(task.ports()).containsEntry("fixed", 1000L).containsEntry("dyn", 1001L);
    }

    @Test
    void dynamicPortStaysWithinItsRanges() {
        TaskLaunch task = place(pod("node").task("server", 1, 100)
                .port("server", "http", 0, null, new PortRangeSpec(1007, 1020)).build()).launch().tasks().get(0);

        assertThat(task.ports()).containsEntry("http", 1007L);
    }

    @Test
    void eachPortIsItsOwnLabelledReservation() {
        EvaluationResult.Success result = place(pod("node").task("server", 1, 100).port("server", "a", 0)
                .port("server", "b", 0).build());

        assertThat(result.recommendations(Operation.Reserve.class)).filteredOn(r -> r.resource().name().equals("ports"))
                .extracting(r -> r.resource().reservation().orElseThrow().labels().get(Reservation.PORT))
                .containsExactly("a", "b");
    }

    @Test
    void tasksInOneRoundNeverShareADynamicPort() {
        PodSpec pod = pod("node").task("server", 0.1, 10).port("server", "http", 0).build();
        PlacementRound round = evaluator().round(List.of(offer(1, 4, 4096)), List.of());

        long first = success(round.place(PodRequest.newInstance(pod, 0))).launch().tasks().get(0).ports().get("http");
        long second = success(round.place(PodRequest.newInstance(pod, 1))).launch().tasks().get(0).ports().get("http");

        assertThat(first).isNotEqualTo(second);
    }
}
