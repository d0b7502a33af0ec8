package io.stratum.sdk.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The built-in config update rules. A running service's new spec may not:
 * <ul>
 *   <li>rename the service, or change its scheduler principal, user or ZooKeeper;</li>
 *   <li>remove a pod type, or lower its count, unless the pod allows decommissioning;</li>
 *   <li>change, add or remove a persistent volume of an existing pod or task;</li>
 *   <li>change a pod's user or pre-reserved role;</li>
 *   <li>move a task between resource sets.</li>
 * </ul>
 * Placement changes are allowed and move nothing; resources may grow and shrink; the tasks a pod runs
 * before decommission may change (an instance whose decommission already started keeps its steps).
 */
public final class ConfigUpdateRules implements ConfigValidator {
    private final List<ConfigValidator> extra;

    private ConfigUpdateRules(List<ConfigValidator> extra) {
        this.extra = List.copyOf(extra);
    }

    /** @return the built-in rules followed by {@code extra} */
    public static ConfigUpdateRules withExtra(List<ConfigValidator> extra) {
        return new ConfigUpdateRules(extra);
    }

    /** @return the built-in rules only */
    public static ConfigUpdateRules builtIn() {
        return new ConfigUpdateRules(List.of());
    }

    @Override
    public List<SpecRule.Violation> validate(ServiceSpec current, ServiceSpec proposed) {
        List<SpecRule.Violation> out = new ArrayList<>();
        same(out, "name", current, proposed, ServiceSpec::name);
        same(out, "scheduler.principal", current, proposed, s -> s.scheduler().principal());
        same(out, "scheduler.user", current, proposed, s -> s.scheduler().user());
        same(out, "scheduler.zookeeper", current, proposed, s -> s.scheduler().zookeeper());
        for (PodSpec old : current.pods().values()) {
            PodSpec pod = proposed.pod(old.name());
            String at = "pods." + old.name();
            if (pod == null) {
                if (!old.allowDecommission()) {
                    out.add(new SpecRule.Violation(at, "pod '" + old.name()
                            + "' cannot be removed: it does not set allow-decommission: true"));
                }
                continue;
            }
            if (pod.count() < old.count() && !pod.allowDecommission()) {
                out.add(new SpecRule.Violation(at + ".count", "cannot shrink from " + old.count() + " to "
                        + pod.count() + " without allow-decommission: true"));
            }
            same(out, at + ".user", old, pod, PodSpec::user);
            same(out, at + ".pre-reserved-role", old, pod, PodSpec::preReservedRole);
            volumes(out, at + ".volumes", old.volumes(), pod.volumes());
            for (TaskSpec oldTask : old.tasks().values()) {
                TaskSpec task = pod.task(oldTask.name());
                if (task == null) {
                    continue;
                }
                String taskAt = at + ".tasks." + task.name();
                same(out, taskAt + ".resource-set", oldTask, task, TaskSpec::resourceSet);
                if (task.resourceSet() == null && oldTask.resourceSet() == null) {
                    volumes(out, taskAt + ".volumes", oldTask.volumes(), task.volumes());
                }
            }
            for (ResourceSetSpec oldSet : old.resourceSets().values()) {
                ResourceSetSpec set = pod.resourceSets().get(oldSet.name());
                if (set != null) {
                    volumes(out, at + ".resource-sets." + set.name() + ".volumes", oldSet.volumes(), set.volumes());
                }
            }
        }
        for (ConfigValidator validator : extra) {
            out.addAll(validator.validate(current, proposed));
        }
        return out;
    }

    private static <T> void same(List<SpecRule.Violation> out, String path, T old, T proposed, Function<T, Object> field) {
        Object before = field.apply(old);
        Object after = field.apply(proposed);
        if (!Objects.equals(before, after)) {
            out.add(new SpecRule.Violation(path, "cannot change from " + show(before) + " to " + show(after)));
        }
    }

    private static void volumes(List<SpecRule.Violation> out, String path, Map<String, VolumeSpec> old,
            Map<String, VolumeSpec> proposed) {
        if (old.equals(proposed)) {
            return;
        }
        for (VolumeSpec volume : old.values()) {
            VolumeSpec now = proposed.get(volume.name());
            if (now == null) {
                out.add(new SpecRule.Violation(path + "." + volume.name(), "volumes cannot change: volume '"
                        + volume.name() + "' was removed"));
            } else if (!now.equals(volume)) {
                out.add(new SpecRule.Violation(path + "." + volume.name(), "volumes cannot change: volume '"
                        + volume.name() + "' changed from " + describe(volume) + " to " + describe(now)));
            }
        }
        proposed.keySet().stream().filter(name -> !old.containsKey(name)).forEach(name ->
                out.add(new SpecRule.Violation(path + "." + name, "volumes cannot change: volume '" + name
                        + "' was added to an existing pod")));
    }

    private static String describe(VolumeSpec v) {
        return v.type() + " " + SpecFormat.number(v.size()) + " MB at '" + v.path() + "'"
                + (v.profiles().isEmpty() ? "" : " profiles " + v.profiles());
    }

    private static String show(Object value) {
        return value == null ? "(unset)" : "'" + value + "'";
    }
}
