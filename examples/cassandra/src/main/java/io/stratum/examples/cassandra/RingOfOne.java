package io.stratum.examples.cassandra;

import io.stratum.sdk.spec.ConfigValidator;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecRule;
import java.util.List;

/**
 * Refuses a ring of more than one node, in a spec loaded or proposed as an update: its nodes
 * need each other's addresses as seeds before they start, which the SDK's discovery gives (every
 * node reserved before any launches, their addresses in each node's environment) and this build
 * of the SDK does not have yet. Without seeds each node would start a ring of its own. Stateless.
 */
final class RingOfOne implements SpecRule, ConfigValidator {
    @Override
    public List<Violation> check(ServiceSpec spec) {
        PodSpec node = spec.pod(Cassandra.NODE);
        if (node == null || node.count() <= 1) {
            return List.of();
        }
        return List.of(new Violation("pods." + Cassandra.NODE + ".count", "NODES=" + node.count()
                + ": this build runs a ring of one node (the nodes of a larger ring need each other's addresses as"
                + " seeds before they start, which needs the SDK's discovery): give --env NODES=1"));
    }

    @Override
    public List<Violation> validate(ServiceSpec current, ServiceSpec proposed) {
        return check(proposed);
    }
}
