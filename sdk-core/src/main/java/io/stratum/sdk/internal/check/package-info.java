/**
 * Health and readiness checks that run for real: a command in the task's sandbox, an HTTP GET or a
 * TCP connect against the task's address and named ports.
 *
 * <p>A {@link io.stratum.sdk.internal.check.CheckRunner} (one per backend) starts a
 * {@link io.stratum.sdk.internal.check.RunningCheck} per task and check kind from the task's
 * {@link io.stratum.sdk.spec.CheckSpec} and {@link io.stratum.sdk.internal.check.CheckContext}; each result
 * goes to a {@link io.stratum.sdk.internal.check.CheckListener} as a
 * {@link io.stratum.sdk.internal.check.CheckResult}. A health check ends with one
 * {@link io.stratum.sdk.internal.check.CheckResult.Verdict#UNHEALTHY} result (the backend kills the
 * task), a readiness check with one {@link io.stratum.sdk.internal.check.CheckResult.Verdict#READY}.
 */
package io.stratum.sdk.internal.check;
