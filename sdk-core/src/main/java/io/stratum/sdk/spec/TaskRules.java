package io.stratum.sdk.spec;

import io.stratum.sdk.internal.text.DidYouMean;
import java.util.HashMap;
import java.util.Map;

/** Cross-field rules of one task: resources and their limits, env names, configs, checks, volumes. */
final class TaskRules {
    private TaskRules() {}

    static void check(PodSpec pod, TaskSpec task, String at, SpecRules rules) {
        resources(pod, task, at, rules);
        task.env().keySet().forEach(name -> {
            if (!name.matches(SpecNames.ENV_NAME)) {
                rules.problem(at + ".env." + name, "'" + name + "' " + SpecNames.ENV_RULE);
            }
        });
        task.configs().values().forEach(c -> rules.sandboxPath(at + ".configs." + c.name() + ".dest", c.dest()));
        task.volumes().values().forEach(v -> rules.volumePath(at + ".volumes." + v.name(), v));
        boolean setKnown = task.resourceSet() == null || pod.resourceSets().containsKey(task.resourceSet());
        if (setKnown) {
            ResourceSetSpec set = pod.resourcesOf(task);
            checkPort(set, task.healthCheck(), at + ".health-check", rules);
            checkPort(set, task.readinessCheck(), at + ".readiness-check", rules);
            Map<String, String> paths = new HashMap<>();
            pod.volumes().values().forEach(v -> paths.put(v.path(), "pod volume " + v.name()));
            for (VolumeSpec v : set.volumes().values()) {
                String other = paths.putIfAbsent(v.path(), "volume " + v.name());
                if (other != null) {
                    String volumeAt = (task.resourceSet() == null ? at : "pods." + pod.name() + ".resource-sets."
                            + task.resourceSet()) + ".volumes." + v.name();
                    rules.problem(volumeAt, "volume path '" + v.path() + "' is also used by " + other);
                }
            }
        }
        if (task.resourceLimits() != null) {
            limits(rules, at + ".resource-limits", task.resourceLimits(), setKnown ? pod.resourcesOf(task) : null);
        }
    }

    /** Limits of {@code set}'s tasks (at {@code at}) may not be below what the set reserves. */
    static void limits(SpecRules rules, String at, ResourceLimitsSpec limits, ResourceSetSpec set) {
        limit(rules, at + ".cpus", limits.cpus(), set == null ? 0 : set.cpus());
        limit(rules, at + ".memory", limits.memory(), set == null ? 0 : set.memory());
    }

    private static void resources(PodSpec pod, TaskSpec task, String at, SpecRules rules) {
        boolean inline = task.cpus() != null || task.gpus() != null || task.memory() != null
                || !task.ports().isEmpty() || !task.volumes().isEmpty();
        if (task.resourceSet() == null && !reservesSomething(pod, task)) {
            // The DC/OS SDK reserves only the resources a task names; with none at all, Mesos
            // fails the launch ("Task uses no resources"), so say so while the spec loads.
            rules.problem(at, "the task reserves no resources: give it cpus, memory, gpus, ports or a "
                    + "volume, or name a resource-set (Mesos refuses to launch a task without resources)");
        }
        if (task.resourceSet() != null) {
            if (!pod.resourceSets().containsKey(task.resourceSet())) {
                rules.problem(at + ".resource-set", "unknown resource set '" + task.resourceSet() + "'"
                        + (pod.resourceSets().isEmpty() ? " (the pod declares no resource-sets)"
                        : DidYouMean.hint(task.resourceSet(), pod.resourceSets().keySet())));
            }
            if (inline) {
                rules.problem(at + ".resource-set", "a task uses a resource-set or inline resources "
                        + "(cpus, gpus, memory, ports, volumes), not both");
            }
        }
    }

    /** Whether the task's launch holds any resource: its inline ones, or a pod volume every task mounts. */
    private static boolean reservesSomething(PodSpec pod, TaskSpec task) {
        return task.cpus() != null || task.memory() != null || (task.gpus() != null && task.gpus() > 0)
                || !task.ports().isEmpty() || !task.volumes().isEmpty() || !pod.volumes().isEmpty();
    }

    private static void checkPort(ResourceSetSpec set, CheckSpec check, String at, SpecRules rules) {
        if (check == null || check.probe().portName() == null) {
            return;
        }
        String port = check.probe().portName();
        if (!set.ports().containsKey(port)) {
            String kind = check.probe() instanceof CheckProbe.Http ? "http" : "tcp";
            rules.problem(at + "." + kind + ".port", "unknown port '" + port + "': the task's ports are "
                    + (set.ports().isEmpty() ? "none" : String.join(", ", set.ports().keySet()))
                    + DidYouMean.hint(port, set.ports().keySet()));
        }
    }

    private static void limit(SpecRules rules, String path, Double limit, double reserved) {
        if (limit != null && reserved > 0 && limit < reserved) {
            rules.problem(path, "limit " + SpecFormat.number(limit) + " is below the reserved "
                    + SpecFormat.number(reserved));
        }
    }
}
