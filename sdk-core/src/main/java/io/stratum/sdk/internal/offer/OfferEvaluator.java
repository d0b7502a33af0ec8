package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;

import io.stratum.sdk.placement.PlacedTask;
import io.stratum.sdk.placement.PlacementRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which offer hosts a pod instance and exactly which operations to send, or explains in
 * words why no offer can.
 *
 * <p>Each offer is run through a pipeline of small stages — placement rules, executor overhead,
 * each scalar resource, static then dynamic ports, volumes, launch — and among the offers that
 * pass, the best by the {@link RankingPolicy} plus the pod's soft placement preferences wins. A
 * new instance gets fresh reservations, each labelled with a unique {@code resource_id}, and new
 * volumes; an instance relaunched in place gets exactly its old reservations and volumes on its
 * own agent, grown or shrunk by any difference in the spec. The result is an
 * {@link EvaluationResult}: recommendations, or an {@link EvaluationOutcome} tree of reasons.
 *
 * <pre>{@code
 * OfferEvaluator evaluator = OfferEvaluator.builder().withRole("cassandra-role").build();
 * EvaluationResult result = evaluator.evaluate(PodRequest.newInstance(pod, 2), offers, placedTasks);
 * }</pre>
 *
 * <p>Pure library code: no I/O. An evaluator is immutable and thread-safe; each call works on its
 * own state.
 */
public interface OfferEvaluator {

    /**
     * @param request the pod instance to place
     * @param offers  the offers to choose from
     * @param placed  the tasks placed now, of every pod type (for counting placement rules)
     * @return the chosen offer's recommendations, or why none fits
     */
    EvaluationResult evaluate(PodRequest request, List<Offer> offers, Collection<PlacedTask> placed);

    /** @return a batch placement over {@code offers}, starting from {@code placed} */
    PlacementRound round(List<Offer> offers, Collection<PlacedTask> placed);

    /**
     * @param offers the offers to look through
     * @param owned  the {@code resource_id}s owned by known pod instances
     * @return volume destructions and unreservations of everything reserved for our role that no
     *     known pod instance owns
     */
    List<Operation> collectGarbage(List<Offer> offers, Set<String> owned);

    /** @return a builder with the defaults: role and principal {@code stratum}, bin packing, no overhead */
    static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link OfferEvaluator}. Not thread-safe; build once and share the evaluator. */
    final class Builder {
        private String role = "stratum";
        private String principal = "stratum";
        private RankingPolicy ranking = RankingPolicy.binPack();
        private Settings.Overhead overhead = new Settings.Overhead(0, 0, 0);
        private IdGenerator ids = IdGenerator.unique();
        private final Map<String, List<PlacementRule>> rules = new HashMap<>();
        private int maxExplainedOffers = 50;

        private Builder() {
        }

        /** @param role the role reservations are made for (the service's role) */
        public Builder withRole(String role) {
            this.role = Objects.requireNonNull(role, "role");
            return this;
        }

        /** @param principal the principal reservations are made by */
        public Builder withPrincipal(String principal) {
            this.principal = Objects.requireNonNull(principal, "principal");
            return this;
        }

        /** @param ranking how to pick among offers that fit; default {@link RankingPolicy#binPack()} */
        public Builder withRankingPolicy(RankingPolicy ranking) {
            this.ranking = Objects.requireNonNull(ranking, "ranking");
            return this;
        }

        /** Reserves an executor's overhead once per pod instance, on top of its tasks' resources; default none. */
        public Builder withExecutorOverhead(double cpus, double memMb, double diskMb) {
            if (cpus < 0 || memMb < 0 || diskMb < 0) {
                throw new IllegalArgumentException("overhead must be >= 0");
            }
            this.overhead = new Settings.Overhead(cpus, memMb, diskMb);
            return this;
        }

        /** @param ids where task, reservation and volume ids come from; default {@link IdGenerator#unique()} */
        public Builder withIdGenerator(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** Adds a hard placement rule for pod type {@code podType}, on top of its spec's constraints. */
        public Builder withPlacementRule(String podType, PlacementRule rule) {
            rules.computeIfAbsent(podType, t -> new ArrayList<>()).add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * @param max how many offers a failure explains stage by stage (the rest are counted by the
         *     stage they failed at); default 50
         */
        public Builder withMaxExplainedOffers(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("max must be >= 0, got " + max);
            }
            this.maxExplainedOffers = max;
            return this;
        }

        /** @return the evaluator */
        public OfferEvaluator build() {
            Map<String, List<PlacementRule>> copy = new HashMap<>();
            rules.forEach((podType, list) -> copy.put(podType, List.copyOf(list)));
            return new DefaultOfferEvaluator(new Settings(new Settings.Identity(role, principal, ids), overhead, ranking,
                    Map.copyOf(copy), maxExplainedOffers));
        }
    }
}
