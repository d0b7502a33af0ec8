package io.stratum.sdk.backend.local;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link TaskLauncher} starts: one task's process.
 *
 * @param taskId      the task's id: new for every launch
 * @param command     run as {@code /bin/sh -c command}
 * @param environment the task's own variables (see {@link TaskEnvironment} for what is added)
 * @param sandbox     its sandbox, already created ({@link Sandbox#create})
 */
record ProcessLaunch(String taskId, String command, Map<String, String> environment, Sandbox sandbox) {

    ProcessLaunch {
        AgentDirs.checkName("task id", taskId);
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(sandbox, "sandbox");
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
}
