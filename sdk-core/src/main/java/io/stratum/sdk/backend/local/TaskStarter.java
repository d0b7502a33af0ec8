package io.stratum.sdk.backend.local;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.internal.cluster.AgentLedger;
import io.stratum.sdk.internal.config.ConfigRenderer;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.TaskSpec;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Launches one task of a launch on an agent, once the cluster has claimed what it runs on: builds
 * its environment, renders its config templates, creates its sandbox with its volumes linked in,
 * records the launch ({@link LaunchRecord}) and starts its process.
 *
 * <p>The task's variables: {@code FRAMEWORK_NAME}, the agent's address as {@code HOST} and
 * {@code MESOS_CONTAINER_IP} (the spec may set these otherwise), then the launch's own (the spec's
 * env, {@code POD_INSTANCE_INDEX}, {@code PORT_<NAME>} and env-keys, plan parameters), then what
 * no spec may change: {@code TASK_NAME} (the full name {@code <pod>-<index>-<task>}),
 * {@code TASK_ID} and {@code MESOS_TASK_ID}, {@code STRATUM_AGENT_ID} and
 * {@code STRATUM_AGENT_ADDRESS}. {@link TaskEnvironment} adds PATH and the like and
 * {@code MESOS_SANDBOX}.
 */
final class TaskStarter {
    private final String serviceName;
    private final TaskEnvironment hostEnvironment;

    /** A launched task: what was recorded and its process. */
    record Started(LaunchRecord record, TaskProcess process) {}

    TaskStarter(String serviceName, TaskEnvironment hostEnvironment) {
        this.serviceName = serviceName;
        this.hostEnvironment = hostEnvironment;
    }

    /**
     * Starts a task whose resources the cluster has claimed for it ({@link AgentLedger#reservationsOf}).
     *
     * @throws LaunchRefused if the task cannot launch; nothing of it is left running then
     */
    Started start(LocalAgent agent, TaskLaunch task) throws LaunchRefused {
        String taskId = task.taskId();
        TaskSpec spec = task.spec();
        if (spec.cmd() == null || spec.cmd().isBlank()) {
            throw new LaunchRefused(TaskState.ERROR, "task " + task.fullName() + " has no command");
        }
        if (Files.exists(agent.dirs().sandbox(taskId))) {
            throw new LaunchRefused(TaskState.ERROR, "task " + taskId + " was launched already");
        }
        Map<String, String> env = environment(agent, task);
        Sandbox sandbox;
        try {
            Map<String, String> configs = ConfigRenderer.render(spec.configs(),
                    hostEnvironment.forTask(env, new Sandbox(agent.dirs().sandbox(taskId))));
            sandbox = Sandbox.create(agent.dirs(), taskId, volumes(agent, task), configs);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new LaunchRefused(TaskState.ERROR, e.getMessage());
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        task.ports().forEach((name, port) -> ports.put(name, Math.toIntExact(port)));
        LaunchRecord record = new LaunchRecord(taskId, task.fullName(), task.podInstance(),
                agent.ledger().reservationsOf(taskId), ports, env, spec.healthCheck(), spec.readinessCheck(),
                spec.killGracePeriod(), false);
        agent.launches().write(taskId, record);
        try {
            return new Started(record, agent.launcher().launch(new ProcessLaunch(taskId, spec.cmd(), env, sandbox)));
        } catch (RuntimeException e) {
            agent.launches().delete(taskId);
            throw new LaunchRefused(TaskState.FAILED, "cannot start the process of " + task.fullName() + ": " + e.getMessage());
        }
    }

    /**
     * @return {@link TaskLaunch#environment} and what a Mesos agent would add: {@code MESOS_CONTAINER_IP}
     *     (the spec may set it) and {@code MESOS_TASK_ID}
     */
    private Map<String, String> environment(LocalAgent agent, TaskLaunch task) {
        Map<String, String> env = task.environment(serviceName, agent.agent());
        env.putIfAbsent("MESOS_CONTAINER_IP", agent.address());
        env.put("MESOS_TASK_ID", task.taskId());
        return env;
    }

    /** @return volume directory (on the root disk or a MOUNT disk) by path in the sandbox */
    private static Map<String, Path> volumes(LocalAgent agent, TaskLaunch task) {
        Map<String, Path> volumes = new LinkedHashMap<>();
        for (Resource resource : task.resources()) {
            resource.volume().ifPresent(v -> volumes.put(v.containerPath(), agent.volumeDirectory(v.persistenceId())));
        }
        return volumes;
    }
}
