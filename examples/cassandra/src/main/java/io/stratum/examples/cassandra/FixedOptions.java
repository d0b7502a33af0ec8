package io.stratum.examples.cassandra;

import io.stratum.sdk.spec.ConfigValidator;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecRule;
import io.stratum.sdk.spec.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The options a running ring keeps for life: a config update changing the cluster's name, the
 * number of tokens per node, the data center or the rack is refused, naming the option (as the
 * DC/OS Cassandra service refused them). Each is in the node's data: a node refuses to start with
 * another cluster name, data center or rack than its data's, and its tokens are chosen once, when
 * it joins. Stateless.
 */
final class FixedOptions implements ConfigValidator {
    /** The options and why each can't change. */
    static final Map<String, String> WHY = fixed();

    private static Map<String, String> fixed() {
        Map<String, String> why = new LinkedHashMap<>();
        why.put("CLUSTER_NAME", "a node keeps its cluster's name in its data and refuses to start in another cluster");
        why.put("NUM_TOKENS", "a node's tokens are chosen once, when it joins the ring");
        why.put("DATA_CENTER", "a node refuses to start in another data center than its data's");
        why.put("RACK", "a node refuses to start in another rack than its data's");
        return why;
    }

    @Override
    public List<SpecRule.Violation> validate(ServiceSpec current, ServiceSpec proposed) {
        Map<String, String> before = serverEnv(current);
        Map<String, String> after = serverEnv(proposed);
        List<SpecRule.Violation> violations = new ArrayList<>();
        WHY.forEach((option, why) -> {
            String was = before.get(option);
            String is = after.get(option);
            if (was != null && !Objects.equals(was, is)) {
                violations.add(new SpecRule.Violation(Cassandra.SERVER_ENV + "." + option, option + " can't change from '"
                        + was + "' to '" + (is == null ? "" : is) + "' on a running ring: " + why));
            }
        });
        return violations;
    }

    private static Map<String, String> serverEnv(ServiceSpec spec) {
        PodSpec node = spec.pod(Cassandra.NODE);
        TaskSpec server = node == null ? null : node.task(Cassandra.SERVER);
        return server == null ? Map.of() : server.env();
    }
}
