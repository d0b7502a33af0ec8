package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Offer;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import java.util.ArrayList;
import java.util.List;

/** Fixture factories for agents, offers and evaluators, and result assertions. */
final class OfferFixtures {
    static final String ROLE = "svc-role";
    static final String PRINCIPAL = "svc-principal";

    private OfferFixtures() {
    }

    /** @return agent {@code a<i>} on host {@code h<i>} */
    static Agent agent(int i) {
        return Agent.of("a" + i, "h" + i);
    }

    /** @return offer {@code o<i>} from {@link #agent(int)} of unreserved cpus, mem, ports 1000-1010 and 4 GB of root disk */
    static Offer offer(int i, double cpus, double mem) {
        return offer(i, agent(i), cpus, mem);
    }

    static Offer offer(int i, Agent agent, double cpus, double mem) {
        return Offer.of("o" + i, agent, Resource.scalar(Resource.CPUS, cpus), Resource.scalar(Resource.MEM, mem),
                Resource.ports(new Range(1000, 1010)), Resource.scalar(Resource.DISK, 4096));
    }

    /** @return {@code offer} with {@code more} resources added */
    static Offer with(Offer offer, Resource... more) {
        List<Resource> all = new ArrayList<>(offer.resources());
        all.addAll(List.of(more));
        return new Offer(offer.id(), offer.agent(), all);
    }

    /** @return the same agent's resources offered again under a new id, as after a relaunch */
    static Offer reoffer(Offer offer, String id, List<Resource> resources) {
        return new Offer(id, offer.agent(), resources);
    }

    static OfferEvaluator.Builder builder() {
        return OfferEvaluator.builder().withRole(ROLE).withPrincipal(PRINCIPAL).withIdGenerator(IdGenerator.sequential());
    }

    static OfferEvaluator evaluator() {
        return builder().build();
    }

    static EvaluationResult.Success success(EvaluationResult result) {
        assertThat(result).as("expected success, got %s", result).isInstanceOf(EvaluationResult.Success.class);
        return (EvaluationResult.Success) result;
    }

    static EvaluationOutcome failure(EvaluationResult result) {
        assertThat(result).as("expected failure, got %s", result).isInstanceOf(EvaluationResult.Failure.class);
        return ((EvaluationResult.Failure) result).outcome();
    }

    /**
     * @return the offer as the cluster offers it after {@code success} was accepted: what was left
     *     unreserved, plus the instance's reservations and volumes
     */
    static Offer afterAccepting(Offer offer, EvaluationResult.Success success, String newId) {
        List<Resource> all = new ArrayList<>(success.footprint().resources());
        for (Resource r : offer.resources()) {
            if (r.reservation().isPresent()) {
                all.add(r);
            }
        }
        return new Offer(newId, offer.agent(), all);
    }
}
