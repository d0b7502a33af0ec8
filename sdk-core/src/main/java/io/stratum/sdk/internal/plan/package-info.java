/**
 * Plans: what the scheduler works on, and in which order.
 *
 * <p>A {@link Plan} has {@link Phase}s of
 * {@link Step}s; each step launches some tasks of one
 * {@link PodInstance} and completes when they reach their goal. An
 * {@link ExecutionStrategy} (serial, parallel, canary, dependency) orders the
 * children of each plan and phase. {@link PlanFactory} builds plans from a
 * spec, {@link PlanCoordinator} picks steps across plans so no pod instance is
 * worked on twice, and {@link PlanProgress} is what gets persisted so a
 * restarted scheduler resumes exactly where it was.
 */
package io.stratum.sdk.internal.plan;
