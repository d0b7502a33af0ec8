/**
 * Placement constraints: where on the cluster a pod's tasks may run.
 *
 * <p>The grammar is Marathon's, as used by DC/OS SDK service specs
 * ({@code placement: '[["hostname", "UNIQUE"]]'}). {@link io.stratum.sdk.placement.PlacementSpec#parse}
 * turns text into a {@link io.stratum.sdk.placement.PlacementSpec}, a list of
 * {@link io.stratum.sdk.placement.PlacementConstraint}s, each a
 * {@link io.stratum.sdk.placement.Field}, an {@link io.stratum.sdk.placement.Operator} and an
 * optional value. Bad input raises a {@link io.stratum.sdk.placement.PlacementSyntaxException}
 * that names the offending token and its offset.
 *
 * <p>Evaluation: a {@link io.stratum.sdk.placement.PlacementRule} says whether an instance of a
 * pod type may go on an agent ({@link io.stratum.sdk.placement.Verdict}); rules compose (all of,
 * any of, not) and {@link io.stratum.sdk.placement.PlacementRule#of(PlacementSpec)} builds one
 * from a pod's constraints. Counting rules read a {@link io.stratum.sdk.placement.PlacementState},
 * built from {@link io.stratum.sdk.placement.PlacedTask}s, which keeps per-value counters so no
 * question rescans the placed tasks. {@link io.stratum.sdk.placement.PreferenceScorer} scores the
 * soft {@link io.stratum.sdk.placement.PlacementPreference}s. Matching agents to offers is the
 * {@code offer} package's job.
 */
package io.stratum.sdk.placement;
