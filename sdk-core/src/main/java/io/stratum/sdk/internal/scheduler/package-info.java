/**
 * The scheduler of one service: {@code ServiceScheduler} and its parts (target config, plans,
 * task cache, offer cycle, kills, suppress/revive, plan progress, pod commands, recovery,
 * decommission), driven by one thread ({@code SchedulerLoop}, or the test harness).
 */
package io.stratum.sdk.internal.scheduler;
