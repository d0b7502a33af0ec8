package io.stratum.sdk.internal.check;

/**
 * One check of one task, as a {@link CheckLoop} runs it.
 *
 * @param kind    health or readiness
 * @param probe   what each attempt does
 * @param timing  when attempts run, and how long each may take
 * @param context the task checked
 */
record Check(CheckKind kind, Probe probe, CheckTiming timing, CheckContext context) {}
