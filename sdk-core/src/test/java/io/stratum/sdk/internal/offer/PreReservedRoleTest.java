package io.stratum.sdk.internal.offer;

import static io.stratum.sdk.internal.offer.OfferFixtures.agent;
import static io.stratum.sdk.internal.offer.OfferFixtures.evaluator;
import static io.stratum.sdk.internal.offer.OfferFixtures.failure;
import static io.stratum.sdk.internal.offer.OfferFixtures.offer;
import static io.stratum.sdk.internal.offer.OfferFixtures.success;
import static io.stratum.sdk.internal.offer.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreReservedRoleTest {
    private final PodSpec publicPod = pod("proxy").preReservedRole("slave_public").task("server", 1, 100).build();

    @Test
    void podWithAPreReservedRoleConsumesOnlyThatRolesResources() {
        Offer offer = Offer.of("o1", agent(1), Resource.scalar("cpus", 8), Resource.scalar("mem", 8192),
                Resource.scalar("cpus", 2).withPreReservedRole("slave_public"),
                Resource.scalar("mem", 512).withPreReservedRole("slave_public"));

        EvaluationResult.Success result = success(evaluator().evaluate(PodRequest.newInstance(publicPod, 0),
                List.of(offer), List.of()));

        assertThat(result.recommendations(Operation.Reserve.class))
                .allSatisfy(r -> assertThat(r.resource().preReservedRole()).contains("slave_public"));
    }

    @Test
    void unreservedResourcesDoNotServeAPreReservedPod() {
        EvaluationOutcome outcome = failure(evaluator().evaluate(PodRequest.newInstance(publicPod, 0),
                List.of(offer(1, 8, 8192)), List.of()));

        assertThat(outcome.children().get(0).text()).isEqualTo("offer o1 on host h1: cpus 0 pre-reserved for role slave_public < 1 wanted by task proxy-0-server");
    }

    @Test
    void preReservedResourcesDoNotServeOtherPods() {
        Offer offer = Offer.of("o1", agent(1), Resource.scalar("cpus", 2).withPreReservedRole("slave_public"),
                Resource.scalar("mem", 512).withPreReservedRole("slave_public"));

        assertThat(evaluator().evaluate(PodRequest.newInstance(PodBuilder.simple("node", 1, 100), 0),
                List.of(offer), List.of()).isSuccess()).isFalse();
    }
}
