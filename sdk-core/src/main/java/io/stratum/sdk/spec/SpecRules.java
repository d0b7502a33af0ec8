package io.stratum.sdk.spec;

import io.stratum.sdk.internal.text.DidYouMean;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The cross-field rules of a spec, beyond single-field constraints: resource sets versus inline
 * resources, unique static ports per pod, volume and config paths inside the sandbox, check ports
 * that exist, rlimits, and plans that name real pods and tasks ({@link PlanRules}).
 */
final class SpecRules {
    private static final Set<String> RLIMITS = Set.of("RLIMIT_AS", "RLIMIT_CORE", "RLIMIT_CPU", "RLIMIT_DATA",
            "RLIMIT_FSIZE", "RLIMIT_LOCKS", "RLIMIT_MEMLOCK", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_NOFILE",
            "RLIMIT_NPROC", "RLIMIT_RSS", "RLIMIT_RTPRIO", "RLIMIT_RTTIME", "RLIMIT_SIGPENDING", "RLIMIT_STACK");

    private final Locations locations;
    private final Problems problems;

    private SpecRules(Locations locations, Problems problems) {
        this.locations = locations;
        this.problems = problems;
    }

    static void check(ServiceSpec spec, Locations locations, Problems problems) {
        SpecRules rules = new SpecRules(locations, problems);
        if (spec.webUrl() != null) {
            rules.uri("web-url", spec.webUrl());
        }
        String zk = spec.scheduler().zookeeper();
        if (zk != null && !zk.matches("[^\\s:,/]+:\\d{1,5}(,[^\\s:,/]+:\\d{1,5})*(/\\S*)?")) {
            rules.problem("scheduler.zookeeper", "must be host:port[,host:port...], got '" + zk + "'");
        }
        spec.pods().values().forEach(rules::pod);
        rules.discoveryPrefixes(spec);
        PlanRules.check(spec, rules);
    }

    void problem(String path, String message) {
        problems.addAt(locations, path, message);
    }

    private void pod(PodSpec pod) {
        String at = "pods." + pod.name();
        for (int i = 0; i < pod.uris().size(); i++) {
            uri(at + ".uris[" + i + "]", pod.uris().get(i));
        }
        pod.rlimits().values().forEach(r -> rlimit(at + ".rlimits." + r.name(), r));
        pod.hostVolumes().values().forEach(h -> hostVolume(at + ".host-volumes." + h.name(), h));
        pod.volumes().values().forEach(v -> volumePath(at + ".volumes." + v.name(), v));
        for (ResourceSetSpec set : pod.resourceSets().values()) {
            String setAt = at + ".resource-sets." + set.name();
            set.volumes().values().forEach(v -> volumePath(setAt + ".volumes." + v.name(), v));
            if (set.resourceLimits() != null) {
                TaskRules.limits(this, setAt + ".resource-limits", set.resourceLimits(), set);
            }
        }
        beforeDecommission(pod, at + ".before-decommission");
        Map<Integer, String> staticPorts = new HashMap<>();
        Map<ResourceSetSpec, Boolean> seenSets = new IdentityHashMap<>();
        for (TaskSpec task : pod.tasks().values()) {
            String taskAt = at + ".tasks." + task.name();
            TaskRules.check(pod, task, taskAt, this);
            if (task.resourceSet() != null && !pod.resourceSets().containsKey(task.resourceSet())) {
                continue;
            }
            ResourceSetSpec set = pod.resourcesOf(task);
            if (task.resourceSet() != null && seenSets.put(pod.resourceSets().get(task.resourceSet()), true) != null) {
                continue;
            }
            String setAt = task.resourceSet() != null ? at + ".resource-sets." + task.resourceSet() : taskAt;
            for (PortSpec port : set.ports().values()) {
                if (port.port() <= 0) {
                    continue;
                }
                String portAt = setAt + ".ports." + port.name();
                String first = staticPorts.putIfAbsent(port.port(), portAt);
                if (first != null) {
                    problem(portAt + ".port", "static port " + port.port() + " is already used in this pod by " + first);
                }
            }
        }
    }

    /**
     * {@code before-decommission} names tasks of the pod, each once, that run to completion (goal
     * ONCE or FINISH: a RUNNING task never completes), and leaves the pod a task to deploy.
     */
    private void beforeDecommission(PodSpec pod, String at) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pod.beforeDecommission().size(); i++) {
            String name = pod.beforeDecommission().get(i);
            String itemAt = at + "[" + i + "]";
            TaskSpec task = pod.task(name);
            if (task == null) {
                problem(itemAt, "unknown task '" + name + "' in pod '" + pod.name() + "'"
                        + DidYouMean.hint(name, pod.tasks().keySet()));
            } else if (!seen.add(name)) {
                problem(itemAt, "task '" + name + "' is listed twice");
            } else if (task.goal() == Goal.RUNNING) {
                problem(itemAt, "task '" + name + "' has goal RUNNING, so it would never complete: a task run "
                        + "before decommission needs goal ONCE or FINISH");
            }
        }
        if (!pod.tasks().isEmpty() && pod.deployedTasks().isEmpty()) {
            problem(at, "lists every task of pod '" + pod.name() + "': an instance needs a task that is not run "
                    + "before decommission, to deploy");
        }
    }

    /**
     * Tasks of different pods may not share a {@code discovery.prefix}: instance {@code i} of each
     * would be named {@code <prefix>-<i>}, one DNS name for two hosts. Tasks of one pod may share
     * one (the DC/OS SDK allows it too): an instance's tasks run on the same agent.
     */
    private void discoveryPrefixes(ServiceSpec spec) {
        Map<String, PodSpec> podOfPrefix = new HashMap<>();
        Map<String, String> firstTask = new HashMap<>();
        for (PodSpec pod : spec.pods().values()) {
            for (TaskSpec task : pod.tasks().values()) {
                String prefix = task.discovery() == null ? null : task.discovery().prefix();
                if (prefix == null) {
                    continue;
                }
                PodSpec first = podOfPrefix.putIfAbsent(prefix, pod);
                firstTask.putIfAbsent(prefix, task.name());
                if (first != null && !first.name().equals(pod.name())) {
                    problem("pods." + pod.name() + ".tasks." + task.name() + ".discovery.prefix", "discovery prefix '"
                            + prefix + "' is also used by task '" + firstTask.get(prefix) + "' of pod '" + first.name()
                            + "': instances of both pods would be named " + prefix + "-<index> in DNS");
                }
            }
        }
    }

    void uri(String path, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null) {
                problem(path, "'" + value + "' is not an absolute URI (it needs a scheme such as https:)");
            }
        } catch (URISyntaxException e) {
            problem(path, "'" + value + "' is not a valid URI: " + e.getReason());
        }
    }

    private void rlimit(String path, RLimitSpec limit) {
        if (!RLIMITS.contains(limit.name())) {
            problem(path, "unknown rlimit '" + limit.name() + "'" + DidYouMean.hint(limit.name(), RLIMITS));
        }
        if ((limit.soft() == null) != (limit.hard() == null)) {
            problem(path, "give both soft and hard, or neither (unlimited)");
        } else if (limit.soft() != null && limit.soft() > limit.hard()) {
            problem(path + ".soft", "soft limit " + limit.soft() + " is above the hard limit " + limit.hard());
        }
    }

    private void hostVolume(String path, HostVolumeSpec volume) {
        if (!volume.hostPath().isEmpty() && !volume.hostPath().startsWith("/")) {
            problem(path + ".host-path", "must be an absolute path, got '" + volume.hostPath() + "'");
        }
        sandboxPath(path + ".container-path", volume.containerPath());
        if (!volume.mode().equals("RW") && !volume.mode().equals("RO")) {
            problem(path + ".mode", "must be RW or RO, got '" + volume.mode() + "'");
        }
    }

    void volumePath(String path, VolumeSpec volume) {
        sandboxPath(path + ".path", volume.path());
    }

    /** A path must be relative, without '..', so it stays inside the task's sandbox. */
    void sandboxPath(String path, String value) {
        if (value.isEmpty()) {
            return;
        }
        if (value.startsWith("/")) {
            problem(path, "must be relative to the sandbox, got the absolute path '" + value + "'");
        } else if (("/" + value + "/").contains("/../") || value.equals("..")) {
            problem(path, "must stay inside the sandbox, but '" + value + "' climbs out with '..'");
        }
    }
}
