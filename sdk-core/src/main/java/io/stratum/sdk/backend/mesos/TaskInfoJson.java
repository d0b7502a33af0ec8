package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.TaskSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts one task of a launch into a {@code TaskInfo} for a task group: its name (the full
 * {@code <pod>-<index>-<task>}), id, agent, reserved resources (volumes included), shell command,
 * environment, checks, kill policy and labels.
 *
 * <p>The environment: {@code FRAMEWORK_NAME} and the agent's hostname as {@code HOST} (the spec
 * may set these otherwise), then the launch's own (the spec's env, {@code POD_INSTANCE_INDEX},
 * ports, plan parameters), then what no spec may change: {@code TASK_NAME}, {@code TASK_ID},
 * {@code STRATUM_AGENT_ID} and {@code STRATUM_AGENT_ADDRESS}, as on the local backend. Mesos
 * adds its own ({@code MESOS_SANDBOX}, ...). Config templates are rendered against this
 * environment and fetched by the agent from the scheduler's API ({@link ConfigArtifacts}).
 */
final class TaskInfoJson {
    private final FrameworkSettings framework;
    private final ResourceJson resources;
    private final ConfigArtifacts configs;

    TaskInfoJson(FrameworkSettings framework, ResourceJson resources, ConfigArtifacts configs) {
        this.framework = framework;
        this.resources = resources;
        this.configs = configs;
    }

    ObjectNode toJson(TaskLaunch task, Agent agent, String allocationRole) throws LaunchRejected {
        TaskSpec spec = task.spec();
        if (spec.cmd() == null || spec.cmd().isBlank()) {
            throw new LaunchRejected("task " + task.fullName() + " has no command");
        }
        ObjectNode info = Wire.object().put("name", task.fullName());
        info.set("task_id", Wire.id(task.taskId()));
        info.set("agent_id", Wire.id(agent.id()));
        ArrayNode list = info.putArray("resources");
        for (Resource resource : task.resources()) {
            list.add(resources.toJson(resource, allocationRole));
        }
        Map<String, String> env = environment(task, agent);
        ObjectNode environment = environment(env);
        ObjectNode command = CheckJson.command(spec.cmd(), environment);
        ArrayNode uris = configs.uris(task, env);
        if (!uris.isEmpty()) {
            command.set("uris", uris);
        }
        info.set("command", command);
        if (spec.healthCheck() != null) {
            info.set("health_check", CheckJson.healthCheck(spec.healthCheck(), task, environment));
        }
        if (spec.readinessCheck() != null) {
            info.set("check", CheckJson.readinessCheck(spec.readinessCheck(), task, environment));
        }
        info.putObject("kill_policy").set("grace_period", Wire.duration(Duration.ofSeconds(spec.killGracePeriod())));
        if (!spec.labels().isEmpty()) {
            info.set("labels", Wire.labels(spec.labels()));
        }
        return info;
    }

    private Map<String, String> environment(TaskLaunch task, Agent agent) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FRAMEWORK_NAME", framework.name());
        env.put("HOST", agent.hostname());
        env.putAll(task.env());
        env.put("TASK_NAME", task.fullName());
        env.put("TASK_ID", task.taskId());
        env.put("STRATUM_AGENT_ID", agent.id());
        env.put("STRATUM_AGENT_ADDRESS", agent.hostname());
        return env;
    }

    private static ObjectNode environment(Map<String, String> env) {
        ObjectNode environment = Wire.object();
        ArrayNode variables = environment.putArray("variables");
        env.forEach((name, value) -> variables.addObject().put("name", name).put("type", "VALUE").put("value", value));
        return environment;
    }
}
