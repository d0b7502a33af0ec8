package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.PortSpec;
import io.stratum.sdk.spec.ResourceSetSpec;
import io.stratum.sdk.spec.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the task group launch: a new task id per task, its resources (its resource set's and the
 * pod's volumes) and its environment — the spec's, {@code TASK_NAME}, {@code POD_INSTANCE_INDEX},
 * and for every port {@code PORT_<NAME>} and the port's {@code env-key}. Never fails.
 */
final class LaunchStage {

    private LaunchStage() {}

    /** @return whether the stage passed; on false the attempt holds the reason */
    static boolean run(Attempt a) {
        PodSpec pod = a.demand.pod;
        List<TaskLaunch> tasks = new ArrayList<>(a.request.tasks().size());
        for (String name : a.request.tasks()) {
            TaskSpec task = pod.task(name);
            ResourceSetSpec set = pod.resourcesOf(task);
            Map<String, Long> ports = a.portsOf(set.name());
            Map<String, String> env = new LinkedHashMap<>(task.env());
            env.put("TASK_NAME", a.podInstance + "-" + name);
            env.put("POD_INSTANCE_INDEX", Integer.toString(a.request.index()));
            for (PortSpec port : set.ports().values()) {
                String value = Long.toString(ports.get(port.name()));
                env.put(a.demand.portEnvNames.get(port.name()), value);
                if (port.envKey() != null) {
                    env.put(port.envKey(), value);
                }
            }
            List<Resource> resources = new ArrayList<>(a.resourcesOf(set.name()));
            resources.addAll(a.resourcesOf(VolumeStage.POD_SET));
            String id = a.settings.identity().ids().next(a.podInstance + "-" + name);
            tasks.add(new TaskLaunch(id, a.podInstance, task, env, ports, resources));
        }
        a.launch(new Operation.Launch(a.ledger.offer.id(), a.ledger.agent.id(), a.podInstance, tasks,
                a.executorResources));
        return true;
    }
}
