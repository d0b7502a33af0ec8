package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.spec.CheckProbe;
import io.stratum.sdk.spec.CheckSpec;

/**
 * Converts a task's checks: the health check to a {@code HealthCheck} (Mesos kills the task after
 * {@code consecutive_failures} failures past the grace period, and reports {@code healthy}), the
 * readiness check to a {@code CheckInfo} (Mesos only reports its result, in
 * {@code check_status}). Commands run with the task's environment, after the task's
 * {@link SandboxVolumes#prelude prelude} (a check runs in a sandbox nested in the task's); ports
 * are the task's resolved named ports.
 */
final class CheckJson {
    private CheckJson() {}

    static ObjectNode healthCheck(CheckSpec check, TaskLaunch task, String prelude, ObjectNode environment)
            throws LaunchRejected {
        ObjectNode json = Wire.object()
                .put("delay_seconds", check.delay())
                .put("interval_seconds", check.interval())
                .put("timeout_seconds", check.timeout())
                .put("consecutive_failures", check.maxConsecutiveFailures())
                .put("grace_period_seconds", check.gracePeriod());
        CheckProbe probe = check.probe();
        if (probe instanceof CheckProbe.Command command) {
            json.put("type", "COMMAND").set("command", command(prelude + command.cmd(), environment));
        } else if (probe instanceof CheckProbe.Http http) {
            ObjectNode h = json.put("type", "HTTP").putObject("http").put("port", port(task, http.port())).put("path", http.path());
            if (!"http".equals(http.scheme())) {
                h.put("scheme", http.scheme());
            }
        } else {
            json.put("type", "TCP").putObject("tcp").put("port", port(task, probe.portName()));
        }
        return json;
    }

    static ObjectNode readinessCheck(CheckSpec check, TaskLaunch task, String prelude, ObjectNode environment)
            throws LaunchRejected {
        ObjectNode json = Wire.object();
        CheckProbe probe = check.probe();
        if (probe instanceof CheckProbe.Command command) {
            json.put("type", "COMMAND").putObject("command").set("command", command(prelude + command.cmd(), environment));
        } else if (probe instanceof CheckProbe.Http http) {
            if (!"http".equals(http.scheme())) {
                throw new LaunchRejected("the readiness check of " + task.fullName() + " uses " + http.scheme()
                        + ", but Mesos checks speak plain http only");
            }
            json.put("type", "HTTP").putObject("http").put("port", port(task, http.port())).put("path", http.path());
        } else {
            json.put("type", "TCP").putObject("tcp").put("port", port(task, probe.portName()));
        }
        return json.put("delay_seconds", check.delay())
                .put("interval_seconds", check.interval())
                .put("timeout_seconds", check.timeout());
    }

    /** @return a shell {@code CommandInfo} running {@code cmd} with {@code environment} */
    static ObjectNode command(String cmd, ObjectNode environment) {
        ObjectNode command = Wire.object().put("shell", true).put("value", cmd);
        command.set("environment", environment);
        return command;
    }

    private static long port(TaskLaunch task, String name) throws LaunchRejected {
        Long port = task.ports().get(name);
        if (port == null) {
            throw new LaunchRejected("a check of " + task.fullName() + " uses port '" + name
                    + "', which the task does not have");
        }
        return port;
    }
}
