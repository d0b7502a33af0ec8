package io.stratum.sdk.internal.check;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The task a check is about, as the check sees it.
 *
 * @param taskId      the task's id, copied into each {@link CheckResult}
 * @param sandbox     the task's sandbox directory: where a command check runs
 * @param environment the task's full environment: the only environment a command check gets
 * @param host        the address HTTP and TCP checks connect to (on the {@code local} backend, the
 *                    agent's loopback address such as {@code 127.0.0.2})
 * @param ports       the task's port numbers (1 to 65535) by port name
 * @param taskStarted when the task started: the health grace period counts from here, so a check
 *                    restarted for a re-adopted task does not get a fresh grace period
 */
public record CheckContext(String taskId, Path sandbox, Map<String, String> environment, String host,
        Map<String, Integer> ports, Instant taskStarted) {

    public CheckContext {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(taskStarted, "taskStarted");
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        ports = ports == null ? Map.of() : Map.copyOf(ports);
        ports.forEach((name, port) -> {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port " + name + " must be 1 to 65535: " + port);
            }
        });
    }

    /**
     * @param name a port name from the check's probe
     * @return its number
     * @throws IllegalArgumentException if the task has no port of that name
     */
    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("task " + taskId + " has no port named '" + name + "' (it has "
                    + ports.keySet() + ")");
        }
        return port;
    }
}
