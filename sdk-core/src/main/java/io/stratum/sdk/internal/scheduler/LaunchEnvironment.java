package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.discovery.PodAddress;
import io.stratum.sdk.discovery.ServiceZooKeeper;
import io.stratum.sdk.discovery.TaskContext;
import io.stratum.sdk.discovery.TaskEnvironment;
import io.stratum.sdk.internal.plan.PodInstanceRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The environment a task is launched with, as the scheduler adds to what the evaluator built: the
 * discovery variables first (the spec's {@code env} may set them otherwise), then the launch's own
 * (the spec's {@code env}, {@code TASK_NAME}, {@code POD_INSTANCE_INDEX}, ports), then the plan's
 * parameters, then, on a replacement, {@code STRATUM_REPLACED_ADDRESS}, then the framework's
 * {@link TaskEnvironment}, if it has one, and last the service's ZooKeeper
 * ({@code STRATUM_ZOOKEEPER}, {@code STRATUM_ZOOKEEPER_PATH}): set by the SDK, like the DC/OS SDK's
 * {@code SERVICE_ZK_ROOT}, so that neither a spec's {@code env} nor a framework can point a task at
 * another server or node (the framework sees them, and composes its own variables from them). One
 * per pod instance launched.
 */
final class LaunchEnvironment {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The framework's task environment failed or returned something unusable; the launch is not sent. */
    static final class Refused extends Exception {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String serviceName;
    private final Discovery discovery;
    private final TaskEnvironment framework;
    private final String host;
    private final Optional<String> replacedAddress;
    private final ServiceZooKeeper zookeeper;
    private Map<String, String> variables;
    private List<PodAddress> instances;

    /**
     * @param discovery where the pod instances are, this one included
     * @param framework the framework's task environment, or null
     * @param host      the address of the agent the instance is launched on
     * @param replacedAddress for a replacement, the address of the agent it moves the instance off
     * @param zookeeper the service's ZooKeeper as its tasks reach it
     */
    LaunchEnvironment(String serviceName, Discovery discovery, TaskEnvironment framework, String host,
            Optional<String> replacedAddress, ServiceZooKeeper zookeeper) {
        this.serviceName = serviceName;
        this.discovery = discovery;
        this.framework = framework;
        this.host = host;
        this.replacedAddress = replacedAddress;
        this.zookeeper = zookeeper;
    }

    /**
     * @return the whole environment {@code task} of {@code req}'s launch is sent with
     * @throws Refused naming the task and the problem, if the framework's task environment fails
     */
    Map<String, String> of(TaskLaunch task, PodInstanceRequirement req) throws Refused {
        if (variables == null) {
            variables = discovery.variables();
        }
        Map<String, String> env = new LinkedHashMap<>(variables);
        env.putAll(task.env());
        env.putAll(req.environment());
        replacedAddress.ifPresent(address -> env.put(TaskContext.REPLACED_ADDRESS, address));
        putZooKeeper(env);
        if (framework == null) {
            return env;
        }
        if (instances == null) { // the hook's view of every instance: only computed for a hook
            instances = discovery.instances();
        }
        TaskContext context = new TaskContext(serviceName, req.podSpec().name(), req.index(), task.taskName(), host,
                task.ports(), env, instances, replacedAddress, zookeeper);
        Map<String, String> added;
        try {
            added = framework.variables(context);
        } catch (RuntimeException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new Refused("the framework's task environment failed for " + task.fullName() + ": " + why, e);
        }
        if (added == null) {
            throw new Refused("the framework's task environment returned nothing for " + task.fullName()
                    + " (return an empty map to add nothing)", null);
        }
        for (Map.Entry<String, String> variable : added.entrySet()) {
            if (variable.getKey() == null || !NAME.matcher(variable.getKey()).matches()) {
                throw new Refused("the framework's task environment gave " + task.fullName() + " the variable '"
                        + variable.getKey() + "': a name is letters, digits and _, not starting with a digit", null);
            }
            if (variable.getValue() == null) {
                throw new Refused("the framework's task environment gave " + task.fullName() + " no value for "
                        + variable.getKey(), null);
            }
        }
        env.putAll(added);
        putZooKeeper(env); // the SDK's values win over the framework's too
        return env;
    }

    private void putZooKeeper(Map<String, String> env) {
        env.put(ServiceZooKeeper.CONNECT_VARIABLE, zookeeper.connectString());
        env.put(ServiceZooKeeper.PATH_VARIABLE, zookeeper.path());
    }
}
