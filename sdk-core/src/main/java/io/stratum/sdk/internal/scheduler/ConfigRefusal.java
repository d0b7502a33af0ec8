package io.stratum.sdk.internal.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A proposed target the scheduler refused: when, and every problem, each as {@code path: message}
 * in spec terms. The target, the plans and the running tasks stayed as they were.
 *
 * @param time   when it was refused
 * @param errors at least one problem
 */
public record ConfigRefusal(Instant time, List<String> errors) {
    public ConfigRefusal {
        Objects.requireNonNull(time, "time");
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one error");
        }
    }
}
