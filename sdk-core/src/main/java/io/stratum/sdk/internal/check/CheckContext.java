package io.stratum.sdk.internal.check;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The task a check is about, as the check sees it.
 *
 * @param taskId      the task's id, copied into each {@link CheckResult}
 * @param taskStarted when the task started: the health grace period counts from here, so a check
 *                    restarted for a re-adopted task does not get a fresh grace period
 * @param sandbox     where a command check runs, and with which environment
 * @param address     where HTTP and TCP checks connect
 */
public record CheckContext(String taskId, Instant taskStarted, Sandbox sandbox, Address address) {

    public CheckContext {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(taskStarted, "taskStarted");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(address, "address");
    }

    /**
     * Where a command check runs.
     *
     * @param dir         the task's sandbox directory
     * @param environment the task's full environment: the only environment a command check gets
     */
    public record Sandbox(Path dir, Map<String, String> environment) {
        public Sandbox {
            Objects.requireNonNull(dir, "dir");
            environment = environment == null ? Map.of() : Map.copyOf(environment);
        }
    }

    /**
     * Where HTTP and TCP checks connect.
     *
     * @param host  the task's address (on the {@code local} backend, the agent's loopback address
     *              such as {@code 127.0.0.2})
     * @param ports the task's port numbers (1 to 65535) by port name
     */
    public record Address(String host, Map<String, Integer> ports) {
        public Address {
            Objects.requireNonNull(host, "host");
            ports = ports == null ? Map.of() : Map.copyOf(ports);
            ports.forEach((name, port) -> {
                if (port < 1 || port > 65_535) {
                    throw new IllegalArgumentException("port " + name + " must be 1 to 65535: " + port);
                }
            });
        }
    }

    /**
     * @param name a port name from the check's probe
     * @return its number
     * @throws IllegalArgumentException if the task has no port of that name
     */
    public int port(String name) {
        Integer port = address.ports().get(name);
        if (port == null) {
            throw new IllegalArgumentException("task " + taskId + " has no port named '" + name + "' (it has "
                    + address.ports().keySet() + ")");
        }
        return port;
    }
}
