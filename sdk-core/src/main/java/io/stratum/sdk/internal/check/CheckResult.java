package io.stratum.sdk.internal.check;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of one check of one task.
 *
 * @param taskId              the task's id
 * @param kind                health or readiness
 * @param verdict             what the check concluded
 * @param consecutiveFailures counted failures in a row, including this one (0 after a pass;
 *                            failures in the grace period are not counted)
 * @param output              an excerpt of what the check saw: a command's last output, the HTTP
 *                            status, or the error; at most {@link #MAX_OUTPUT} characters
 * @param time                when the check finished
 */
public record CheckResult(String taskId, CheckKind kind, Verdict verdict, int consecutiveFailures, String output,
        Instant time) {

    /** The longest {@link #output()}, in characters. */
    public static final int MAX_OUTPUT = 1024;

    public CheckResult {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(time, "time");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must be 0 or more: " + consecutiveFailures);
        }
        output = output == null ? "" : output.length() > MAX_OUTPUT ? output.substring(output.length() - MAX_OUTPUT) : output;
    }

    /** What one check concluded. */
    public enum Verdict {
        /** A health check passed (this also ends the grace period). */
        PASSED,
        /** A health check failed within the grace period; not counted. */
        IGNORED,
        /** A health check failed, fewer than max-consecutive-failures times in a row. */
        FAILED,
        /** A health check failed max-consecutive-failures times in a row. Final: reported once. */
        UNHEALTHY,
        /** A readiness check failed; it will be tried again. */
        NOT_READY,
        /** A readiness check passed. Final: reported once. */
        READY
    }

    /** @return whether the probe passed */
    public boolean passed() {
        return verdict == Verdict.PASSED || verdict == Verdict.READY;
    }

    /** @return whether this is the check's last result (it stops after UNHEALTHY or READY) */
    public boolean isFinal() {
        return verdict == Verdict.UNHEALTHY || verdict == Verdict.READY;
    }
}
