/**
 * Plans as framework authors see them: the {@link io.stratum.sdk.plan.Status} of a plan, a phase
 * or a step. A plan has phases of steps; each step launches some tasks of one pod instance and
 * completes when they reach their goal, in the order its phase's strategy (serial, parallel,
 * canary, dependency) gives. The plans themselves are built and run by the scheduler.
 */
package io.stratum.sdk.plan;
