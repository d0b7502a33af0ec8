package io.stratum.sdk.spec;

import java.util.List;

/**
 * A rule about changing a running service's config: given the current target spec and a proposed
 * one, what may not change. A rejected update leaves the old target in place and shows the
 * violations in the deploy plan and the API. The built-in rules are {@link ConfigUpdateRules};
 * frameworks add their own (say, "the rack attribute can't change") through the service builder.
 * Implementations must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface ConfigValidator {

    /** @return the violations of changing {@code current} into {@code proposed}; empty when allowed */
    List<SpecRule.Violation> validate(ServiceSpec current, ServiceSpec proposed);
}
