package io.stratum.sdk.spec;

import java.util.List;

/**
 * A rule about changing a running service's config: given the current target spec and a proposed
 * one (already valid by {@link SpecValidator}), what may not change. A rejected update leaves the
 * old target, the plans and the tasks as they were; the API answers 409 with the violations and
 * keeps them as the target's {@code lastRefused}. The built-in rules are {@link ConfigUpdateRules};
 * frameworks add their own (say, "the rack attribute can't change") through the service builder.
 * Implementations must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface ConfigValidator {

    /** @return the violations of changing {@code current} into {@code proposed}; empty when allowed */
    List<SpecRule.Violation> validate(ServiceSpec current, ServiceSpec proposed);
}
