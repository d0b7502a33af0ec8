package io.stratum.sdk.spec;

import jakarta.validation.constraints.Pattern;

/**
 * How a task is named in service discovery.
 *
 * @param prefix     the name prefix instead of the task's name: instances are {@code <prefix>-<index>}
 * @param visibility FRAMEWORK, CLUSTER (default) or EXTERNAL
 */
public record DiscoverySpec(
        @Pattern(regexp = SpecNames.DNS_LABEL, message = SpecNames.DNS_RULE) String prefix,
        @Pattern(regexp = "FRAMEWORK|CLUSTER|EXTERNAL", message = "must be FRAMEWORK, CLUSTER or EXTERNAL")
        String visibility) {}
