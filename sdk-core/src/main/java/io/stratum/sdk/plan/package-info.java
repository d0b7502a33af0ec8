/**
 * Plans as framework authors see them. A plan has phases of steps; each step launches some tasks of
 * one pod instance and completes when they reach their goal, in the order its phase's strategy
 * (serial, parallel, canary, dependency) gives; {@link io.stratum.sdk.plan.Status} is the status of
 * a plan, a phase or a step. The scheduler builds and runs the plans; a framework changes what it
 * builds with a {@link io.stratum.sdk.plan.PlanCustomizer}, which works on immutable
 * {@link io.stratum.sdk.plan.PlanDefinition}s.
 */
package io.stratum.sdk.plan;
