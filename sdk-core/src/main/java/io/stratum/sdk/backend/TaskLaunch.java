package io.stratum.sdk.backend;

import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.TaskSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One task of a launched task group, with everything resolved for the backend.
 *
 * @param taskId      a new unique id for this launch, {@code <pod>-<index>-<task>__<unique>}
 * @param podInstance the pod instance's name, {@code <pod>-<index>}
 * @param spec        the task's spec: command, goal, checks, configs
 * @param env         the environment: the spec's, plus {@code TASK_NAME}, {@code POD_INSTANCE_INDEX},
 *                    and for each port {@code PORT_<NAME>} and its {@code env-key}
 * @param ports       the port chosen for each of the task's ports, by port name
 * @param resources   the reserved resources the task runs on, volumes included
 */
public record TaskLaunch(String taskId, String podInstance, TaskSpec spec, Map<String, String> env,
        Map<String, Long> ports, List<Resource> resources) {

    public TaskLaunch {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(podInstance, "podInstance");
        Objects.requireNonNull(spec, "spec");
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        resources = List.copyOf(resources);
    }

    /** @return the task's name within its pod */
    public String taskName() {
        return spec.name();
    }

    /** @return the task's full name, {@code <pod>-<index>-<task>}, as failure reasons name it */
    public String fullName() {
        return podInstance + "-" + spec.name();
    }
}
