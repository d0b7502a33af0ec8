package io.stratum.sdk.spec;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Objects;

/**
 * A health or readiness check. A health check that fails {@code maxConsecutiveFailures} times in a
 * row (after {@code gracePeriod}) kills the task; a readiness check gates its step's completion.
 * Times are in seconds.
 *
 * @param probe                  what is checked: a command, an HTTP GET or a TCP connect
 * @param interval               seconds between checks, 1 or more
 * @param delay                  seconds before the first check
 * @param timeout                seconds a check may take, 1 or more
 * @param gracePeriod            seconds after start in which failures don't count (health only)
 * @param maxConsecutiveFailures failures in a row that make the task unhealthy (health only), 1 or more
 */
public record CheckSpec(
        CheckProbe probe,
        @Min(1) @Max(value = 86_400, message = "must be at most 86400") int interval,
        @PositiveOrZero @Max(value = 86_400, message = "must be at most 86400") int delay,
        @Min(1) @Max(value = 86_400, message = "must be at most 86400") int timeout,
        @PositiveOrZero @Max(value = 86_400, message = "must be at most 86400") int gracePeriod,
        @Min(1) int maxConsecutiveFailures) {

    public CheckSpec {
        Objects.requireNonNull(probe, "probe");
    }
}
