package io.stratum.sdk.internal.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the steps to work on across all plans so that a pod instance is never worked on by two
 * plans (or two steps) at once. Plans are asked in priority order; a pod instance busy in any
 * plan, or already chosen for an earlier plan, is skipped by the later ones.
 */
public final class PlanCoordinator {
    private PlanCoordinator() {}

    /** @return candidate steps across {@code plans} (highest priority first), one per pod instance */
    public static List<Step> candidates(List<Plan> plans, Instant now) {
        Set<PodInstance> dirty = new HashSet<>();
        plans.forEach(p -> dirty.addAll(p.busyPodInstances()));
        List<Step> out = new ArrayList<>();
        for (Plan plan : plans) {
            for (Step step : plan.candidates(dirty, now)) {
                dirty.add(step.podInstance());
                out.add(step);
            }
        }
        return out;
    }
}
