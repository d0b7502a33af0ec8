package io.stratum.sdk.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A port a task listens on. {@code port: 0} asks for a dynamic port, chosen from the offer (within
 * {@code ranges} when given). The task sees it as {@code PORT_<NAME>} (name upper-cased, '-' as
 * '_') and under {@code envKey} when set.
 *
 * @param name      the port's name
 * @param port      a static port 1 to 65535, or 0 for a dynamic one
 * @param envKey    an extra environment variable holding the port, or null
 * @param advertise whether the port is listed in {@code /v1/endpoints}
 * @param vip       a named virtual address for the port, or null
 * @param ranges    for a dynamic port, the ranges it may come from (empty: any)
 */
public record PortSpec(
        String name,
        @PositiveOrZero @Max(value = 65_535, message = "must be at most 65535") int port,
        @Pattern(regexp = SpecNames.ENV_NAME, message = SpecNames.ENV_RULE) String envKey,
        boolean advertise,
        @Valid VipSpec vip,
        List<@Valid PortRangeSpec> ranges) {

    public PortSpec {
        Objects.requireNonNull(name, "name");
        ranges = Copies.list(ranges);
    }

    /** @return whether the port is picked from the offer at launch */
    @JsonIgnore // derived from port; not a stored field
    public boolean isDynamic() {
        return port == 0;
    }

    /** @return the environment variable that always holds the port: {@code PORT_<NAME>} */
    public String defaultEnvName() {
        return "PORT_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }
}
