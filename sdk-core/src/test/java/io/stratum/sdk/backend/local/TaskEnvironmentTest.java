package io.stratum.sdk.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskEnvironmentTest {
    private static final Sandbox SANDBOX = new Sandbox(Path.of("/work/agents/a/sandboxes/t"));

    @Test
    void onlyTheHostsBasicsPassThroughAndTheTaskWins() {
        TaskEnvironment environment = new TaskEnvironment(Map.of("PATH", "/opt/bin:/usr/bin", "HOME", "/home/me",
                "LC_ALL", "C.UTF-8", "JAVA_HOME", "/jdk", "AWS_SECRET_ACCESS_KEY", "secret", "TZ", "UTC"));

        Map<String, String> env = environment.forTask(Map.of("TZ", "Europe/Paris", "TASK_NAME", "hello-0-server"), SANDBOX);

        assertThat(env).containsOnly(Map.entry("PATH", "/opt/bin:/usr/bin"), Map.entry("HOME", "/home/me"),
                Map.entry("LC_ALL", "C.UTF-8"), Map.entry("TZ", "Europe/Paris"),
                Map.entry("TASK_NAME", "hello-0-server"), Map.entry("MESOS_SANDBOX", "/work/agents/a/sandboxes/t"));
    }

    @Test
    void aTaskGetsAPathEvenWhenTheHostHasNone() {
        assertThat(new TaskEnvironment(Map.of()).forTask(Map.of(), SANDBOX))
                .containsEntry("PATH", TaskEnvironment.DEFAULT_PATH);
    }
}
