package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.TaskSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Converts one task of a launch into a {@code TaskInfo} for a task group: its name (the full
 * {@code <pod>-<index>-<task>}), id, agent, reserved resources (its own volumes included; the
 * pod's volumes are the executor's), a {@code MESOS} container mounting every volume it sees from
 * the executor's sandbox ({@link SandboxVolumes}), shell command, environment, checks, kill policy
 * and labels.
 *
 * <p>The environment is {@link TaskLaunch#environment}, as on the local backend; Mesos adds its own
 * ({@code MESOS_SANDBOX}, ...). Config templates are rendered against this environment and fetched
 * by the agent from the scheduler's API ({@link ConfigArtifacts}).
 *
 * @param framework the framework (its name is the tasks' {@code FRAMEWORK_NAME})
 * @param resources converts the task's resources
 * @param configs   publishes the task's rendered config files
 */
record TaskInfoJson(FrameworkSettings framework, ResourceJson resources, ConfigArtifacts configs) {

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
            if (!SandboxVolumes.onExecutor(resource)) {
                list.add(resources.toJson(resource, allocationRole));
            }
        }
        Optional<ObjectNode> container = SandboxVolumes.container(task.resources());
        if (container.isPresent()) {
            info.set("container", container.get());
        }
        Map<String, String> env = task.environment(framework.name(), agent);
        ObjectNode environment = environment(env);
        String prelude = SandboxVolumes.prelude(task.resources());
        ObjectNode command = CheckJson.command(prelude + spec.cmd(), environment);
        ArrayNode uris = configs.uris(task, env);
        if (!uris.isEmpty()) {
            command.set("uris", uris);
        }
        info.set("command", command);
        if (spec.healthCheck() != null) {
            info.set("health_check", CheckJson.healthCheck(spec.healthCheck(), task, prelude, environment));
        }
        if (spec.readinessCheck() != null) {
            info.set("check", CheckJson.readinessCheck(spec.readinessCheck(), task, prelude, environment));
        }
        info.putObject("kill_policy").set("grace_period", Wire.duration(Duration.ofSeconds(spec.killGracePeriod())));
        if (!spec.labels().isEmpty()) {
            info.set("labels", Wire.labels(spec.labels()));
        }
        return info;
    }

    private static ObjectNode environment(Map<String, String> env) {
        ObjectNode environment = Wire.object();
        ArrayNode variables = environment.putArray("variables");
        env.forEach((name, value) -> variables.addObject().put("name", name).put("type", "VALUE").put("value", value));
        return environment;
    }
}
