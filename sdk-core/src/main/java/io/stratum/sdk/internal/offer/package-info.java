/**
 * Offer evaluation: which offer hosts a pod instance, and exactly which operations to send.
 *
 * <p>{@link io.stratum.sdk.internal.offer.OfferEvaluator} takes a {@link io.stratum.sdk.internal.offer.PodRequest}
 * (a new instance, a relaunch in place on its {@link io.stratum.sdk.internal.offer.PodFootprint}, or a
 * permanent replacement), the current {@link io.stratum.sdk.backend.Offer}s and the placed tasks,
 * and returns an {@link io.stratum.sdk.internal.offer.EvaluationResult}: the chosen offer with
 * {@link io.stratum.sdk.backend.Operation}s (reserve, create volume, launch task group,
 * unreserve, destroy volume), or an {@link io.stratum.sdk.internal.offer.EvaluationOutcome} tree saying
 * why each offer failed. {@link io.stratum.sdk.internal.offer.PlacementRound} places many instances over
 * one set of offers, and {@link io.stratum.sdk.internal.offer.OfferEvaluator#collectGarbage} finds
 * reservations no pod owns. Offers are ranked by a {@link io.stratum.sdk.internal.offer.RankingPolicy}
 * plus the pod's soft placement preferences.
 */
package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Offer;
