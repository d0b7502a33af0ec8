package io.stratum.sdk.spec;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * A POSIX resource limit ({@code setrlimit}). Both values null means unlimited.
 *
 * @param name the limit, e.g. {@code RLIMIT_NOFILE}
 * @param soft the soft limit, at most {@code hard}
 * @param hard the hard limit
 */
public record RLimitSpec(String name, @PositiveOrZero Long soft, @PositiveOrZero Long hard) {}
