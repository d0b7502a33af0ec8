/**
 * Plans: what the scheduler works on, and in which order.
 *
 * <p>A {@link io.stratum.sdk.plan.Plan} has {@link io.stratum.sdk.plan.Phase}s of
 * {@link io.stratum.sdk.plan.Step}s; each step launches some tasks of one
 * {@link io.stratum.sdk.plan.PodInstance} and completes when they reach their goal. An
 * {@link io.stratum.sdk.plan.ExecutionStrategy} (serial, parallel, canary, dependency) orders the
 * children of each plan and phase. {@link io.stratum.sdk.plan.PlanFactory} builds plans from a
 * spec, {@link io.stratum.sdk.plan.PlanCoordinator} picks steps across plans so no pod instance is
 * worked on twice, and {@link io.stratum.sdk.plan.PlanProgress} is what gets persisted so a
 * restarted scheduler resumes exactly where it was.
 */
package io.stratum.sdk.plan;
