package io.stratum.sdk.spec;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A named virtual address for a port: {@code <prefix>.<service>:<port>} in discovery.
 *
 * @param prefix   the name's prefix
 * @param port     the virtual port, 1 to 65535
 * @param protocol {@code tcp} (default) or {@code udp}
 */
public record VipSpec(@NotBlank(message = "must not be empty") String prefix,
        @Min(1) @Max(value = 65_535, message = "must be at most 65535") int port,
        @Pattern(regexp = "tcp|udp", message = "must be tcp or udp") String protocol) {}
