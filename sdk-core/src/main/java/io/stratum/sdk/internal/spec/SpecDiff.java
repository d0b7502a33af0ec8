package io.stratum.sdk.internal.spec;

import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a config update changes for running pods. A pod type is changed when anything that its
 * tasks run with changed; its placement, preferences, count, allow-decommission, discoverable and
 * before-decommission are not such things (discoverable changes every pod's environment, so it
 * rolls none), so a placement-only update moves nothing and a count change only adds or removes
 * instances.
 */
public final class SpecDiff {
    private SpecDiff() {}

    /** @return the pod types present in both specs whose running instances must be relaunched */
    public static Set<String> changedPods(ServiceSpec current, ServiceSpec proposed) {
        Set<String> changed = new LinkedHashSet<>();
        for (PodSpec pod : proposed.pods().values()) {
            PodSpec old = current.pod(pod.name());
            if (old != null && !runtimeView(old).equals(runtimeView(pod))) {
                changed.add(pod.name());
            }
        }
        return changed;
    }

    /** The pod with everything that doesn't affect its running tasks blanked out. */
    private static PodSpec runtimeView(PodSpec pod) {
        return new PodSpec(pod.name(), 0, null, null, pod.image(), pod.rlimits(), pod.uris(), pod.resourceSets(),
                pod.volumes(), pod.preReservedRole(), false, false, null, pod.hostVolumes(), pod.sharePidNamespace(), pod.user(),
                pod.tasks());
    }
}
