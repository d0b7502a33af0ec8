/**
 * Placement constraints: where on the cluster a pod's tasks may run.
 *
 * <p>The grammar is Marathon's, as used by DC/OS SDK service specs
 * ({@code placement: '[["hostname", "UNIQUE"]]'}). {@link io.stratum.sdk.placement.PlacementParser}
 * turns text into a {@link io.stratum.sdk.placement.PlacementSpec}, a list of
 * {@link io.stratum.sdk.placement.PlacementConstraint}s, each a
 * {@link io.stratum.sdk.placement.Field}, an {@link io.stratum.sdk.placement.Operator} and an
 * optional value. Bad input raises a {@link io.stratum.sdk.placement.PlacementSyntaxException}
 * that names the offending token and its offset. Evaluating constraints against offers is not this
 * package's job.
 */
package io.stratum.sdk.placement;
