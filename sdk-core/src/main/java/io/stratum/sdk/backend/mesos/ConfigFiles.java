package io.stratum.sdk.backend.mesos;

import io.stratum.sdk.internal.config.ConfigRenderer;
import io.stratum.sdk.offer.TaskLaunch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * A task's config templates, rendered by the scheduler at launch against the task's environment
 * (as on the local backend) and written into the sandbox by the task's own shell before its
 * command runs: each file travels base64-encoded in the command, so the agent needs nothing but
 * {@code sh} and {@code base64}. A template that does not render fails the launch.
 */
final class ConfigFiles {
    private ConfigFiles() {}

    /** @return the shell lines that write the task's config files, each ending in a newline; empty without configs */
    static String prelude(TaskLaunch task, Map<String, String> environment) throws LaunchRejected {
        if (task.spec().configs().isEmpty()) {
            return "";
        }
        Map<String, String> rendered;
        try {
            rendered = ConfigRenderer.render(task.spec().configs(), environment);
        } catch (IllegalArgumentException e) {
            throw new LaunchRejected(e.getMessage());
        }
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> file : rendered.entrySet()) {
            Path dest = Path.of(file.getKey()).normalize();
            if (dest.isAbsolute() || dest.startsWith("..")) {
                throw new LaunchRejected("config destination " + file.getKey() + " of " + task.fullName()
                        + " is not inside the sandbox");
            }
            String data = Base64.getEncoder().encodeToString(file.getValue().getBytes(StandardCharsets.UTF_8));
            Path dir = dest.getParent();
            if (dir != null) {
                lines.append("mkdir -p ").append(quote(dir.toString())).append(" && ");
            }
            lines.append("printf '%s' '").append(data).append("' | base64 -d > ").append(quote(dest.toString()))
                    .append(" || exit 1\n");
        }
        return lines.toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
