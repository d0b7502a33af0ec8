package io.stratum.examples.helloworld;

import io.stratum.sdk.spec.ConfigValidator;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecRule;
import java.util.List;

/**
 * hello-world's own config update rule: the service greets from exactly one {@code hello}
 * instance, so an update may scale {@code world} but never {@code hello}.
 */
final class OneHello implements ConfigValidator {
    @Override
    public List<SpecRule.Violation> validate(ServiceSpec current, ServiceSpec proposed) {
        PodSpec hello = proposed.pod("hello");
        if (hello == null || hello.count() == 1) {
            return List.of();
        }
        return List.of(new SpecRule.Violation("pods.hello.count",
                "hello-world greets from exactly one hello instance, got " + hello.count()));
    }
}
