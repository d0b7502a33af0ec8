package io.stratum.sdk.backend.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's environment: not the scheduler's whole environment (its secrets, JAVA_HOME and
 * CLASSPATH are none of the task's business) but the few variables a program expects from its
 * host (PATH, HOME, LANG, LC_*, TZ, USER), then the task's own, then {@code MESOS_SANDBOX} (the
 * sandbox, where DC/OS tasks expect it). Immutable.
 */
final class TaskEnvironment {
    static final List<String> PASSED_THROUGH = List.of("PATH", "HOME", "LANG", "TZ", "USER");
    static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private final Map<String, String> host;

    /** @param host the scheduler's environment, usually {@link System#getenv()} */
    TaskEnvironment(Map<String, String> host) {
        this.host = Map.copyOf(host);
    }

    /**
     * @param task    the task's variables; they win over the host's
     * @param sandbox the task's sandbox
     * @return the environment to start the task (and its command checks) with
     */
    Map<String, String> forTask(Map<String, String> task, Sandbox sandbox) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", DEFAULT_PATH);
        host.forEach((name, value) -> {
            if (PASSED_THROUGH.contains(name) || name.startsWith("LC_")) {
                env.put(name, value);
            }
        });
        env.putAll(task);
        env.put("MESOS_SANDBOX", sandbox.dir().toString());
        return env;
    }
}
