package io.stratum.sdk.backend;

import io.stratum.sdk.resource.Agent;
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

    /**
     * The variables every backend starts the task with (a backend may add its own).
     *
     * @param frameworkName the service's name
     * @param agent         the agent the task runs on; its hostname is its address
     * @return a new map: {@code FRAMEWORK_NAME} and {@code HOST} (the spec may set these otherwise),
     *     then {@link #env()}, then what no spec may change: {@code TASK_NAME} ({@link #fullName()}),
     *     {@code TASK_ID}, {@code STRATUM_AGENT_ID}, {@code STRATUM_AGENT_ADDRESS} and, when the agent
     *     has a fault domain, {@code REGION} and {@code ZONE} (its region and zone, as the DC/OS SDK
     *     gave them; a task of an agent without one gets neither from here, so a spec's own values
     *     stay); in that order
     */
    public Map<String, String> environment(String frameworkName, Agent agent) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("FRAMEWORK_NAME", frameworkName);
        environment.put("HOST", agent.hostname());
        environment.putAll(env);
        environment.put("TASK_NAME", fullName());
        environment.put("TASK_ID", taskId);
        environment.put("STRATUM_AGENT_ID", agent.id());
        environment.put("STRATUM_AGENT_ADDRESS", agent.hostname());
        agent.region().ifPresent(region -> environment.put("REGION", region));
        agent.zone().ifPresent(zone -> environment.put("ZONE", zone));
        return environment;
    }
}
