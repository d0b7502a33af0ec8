package io.stratum.sdk.backend.local;

import io.stratum.sdk.spec.CheckSpec;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the backend must remember of a launch besides its process (which the {@link Checkpoint}
 * covers), to take the task over again after a restart: what it holds, how to check it and how to
 * kill it. Written before the process starts, deleted once its end is acknowledged.
 *
 * @param taskId          the launch's task id
 * @param name            the task's full name, {@code <pod>-<index>-<task>}
 * @param podInstance     its pod instance, {@code <pod>-<index>}
 * @param resourceIds     the {@code resource_id}s of the reservations it uses (executor's included)
 * @param ports           its ports by name
 * @param environment     its own variables (see {@link TaskEnvironment} for the rest)
 * @param healthCheck     its health check, or null
 * @param readinessCheck  its readiness check, or null
 * @param killGracePeriod seconds between SIGTERM and SIGKILL when it is killed for failing its health check
 * @param ready           whether its readiness check has passed (it is not run again)
 */
record LaunchRecord(String taskId, String name, String podInstance, Set<String> resourceIds, Map<String, Integer> ports,
        Map<String, String> environment, CheckSpec healthCheck, CheckSpec readinessCheck, int killGracePeriod,
        boolean ready) {

    LaunchRecord {
        AgentDirs.checkName("task id", taskId);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(podInstance, "podInstance");
        resourceIds = resourceIds == null ? Set.of() : Set.copyOf(resourceIds);
        ports = ports == null ? Map.of() : Map.copyOf(ports);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /** @return the record of a task known only by its id and names: nothing held, nothing to check */
    static LaunchRecord unrecorded(String taskId, String name, String podInstance) {
        return new LaunchRecord(taskId, name, podInstance, null, null, null, null, null, 0, false);
    }

    LaunchRecord withReady() {
        return new LaunchRecord(taskId, name, podInstance, resourceIds, ports, environment, healthCheck, readinessCheck,
                killGracePeriod, true);
    }
}
