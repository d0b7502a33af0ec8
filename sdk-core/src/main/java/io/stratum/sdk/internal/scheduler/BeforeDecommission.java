package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.plan.PlanIds;
import io.stratum.sdk.internal.plan.PodInstanceRequirement;
import io.stratum.sdk.internal.plan.RecoveryType;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.PortSpec;
import io.stratum.sdk.spec.TaskSpec;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code before-decommission} tasks of an instance being decommissioned, as a step of the
 * decommission plan: what it launches, the environment it adds (the ports of the instance's
 * tasks) and whether the instance still has something running to decommission.
 */
final class BeforeDecommission {
    private BeforeDecommission() {}

    /**
     * @return the step launching {@code pod}'s before-decommission tasks in instance {@code index},
     *     named {@code <pod>-<index>:[task, ...]}; empty if the pod names none
     */
    static Optional<Step> step(String plan, PodSpec pod, int index) {
        if (pod.beforeDecommission().isEmpty()) {
            return Optional.empty();
        }
        PodInstanceRequirement launch = PodInstanceRequirement.of(pod, index, pod.beforeDecommission(),
                RecoveryType.NONE);
        String name = launch.podInstance().name() + ":" + launch.tasks();
        return Optional.of(new Step(PlanIds.of(plan, plan, name), launch));
    }

    /**
     * @return the instance's tasks, but those run before decommission, by task name: in the pod's
     *     order, then any the pod no longer has, sorted (a stable name for the removal step)
     */
    static List<String> otherTasks(Optional<PodSpec> pod, List<TaskRecord> records) {
        List<String> order = pod.map(p -> List.copyOf(p.tasks().keySet())).orElse(List.of());
        List<String> before = pod.map(PodSpec::beforeDecommission).orElse(List.of());
        return records.stream().map(TaskRecord::taskName).filter(t -> !t.isEmpty() && !before.contains(t)).distinct()
                .sorted(Comparator.comparing((String t) -> order.contains(t) ? order.indexOf(t) : order.size())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /**
     * @return {@code PORT_<NAME>} (and the port's {@code env-key}) of every port the instance's
     *     running tasks hold, so a before-decommission task reaches its server as launched
     */
    static Map<String, String> portsOf(PodSpec pod, List<TaskRecord> records) {
        Map<String, String> env = new LinkedHashMap<>();
        for (TaskRecord record : records) {
            TaskSpec task = pod.task(record.taskName());
            if (task == null || !Kills.isLive(record) || pod.beforeDecommission().contains(task.name())
                    || task.resourceSet() != null && !pod.resourceSets().containsKey(task.resourceSet())) {
                continue;
            }
            for (PortSpec port : pod.resourcesOf(task).ports().values()) {
                String value = record.labels().get(TaskLabels.PORT_PREFIX + port.name());
                if (value != null) {
                    env.put(port.defaultEnvName(), value);
                    if (port.envKey() != null) {
                        env.put(port.envKey(), value);
                    }
                }
            }
        }
        return env;
    }

    /** @return whether a task of the instance other than {@code before}'s still runs (or may: no status yet) */
    static boolean othersRun(Step before, List<TaskRecord> records) {
        return records.stream().anyMatch(r -> Kills.isLive(r) && !before.tasks().contains(r.taskName()));
    }
}
