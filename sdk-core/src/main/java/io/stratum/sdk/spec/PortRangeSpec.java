package io.stratum.sdk.spec;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * An inclusive port range for a dynamic port; an open end ({@code end:} left empty) means 65535.
 *
 * @param begin first port, 1 to 65535
 * @param end   last port, {@code begin} to 65535
 */
public record PortRangeSpec(
        @Min(1) @Max(value = 65_535, message = "must be at most 65535") int begin,
        @Min(1) @Max(value = 65_535, message = "must be at most 65535") int end) {}
