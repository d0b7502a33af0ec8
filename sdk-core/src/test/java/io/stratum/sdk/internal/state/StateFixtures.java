package io.stratum.sdk.internal.state;

import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;

import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Task records, statuses and specs for state tests. */
final class StateFixtures {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private StateFixtures() {}

    /** @return a launched task {@code <pod>-<index>-server} without a status */
    static TaskRecord task(String pod, int index) {
        String name = pod + "-" + index + "-server";
        return new TaskRecord(name + "__1", name, pod, index, "agent-" + index, "config-1",
                List.of("res-" + index + "-cpus", "res-" + index + "-mem"), List.of("vol-" + index),
                Map.of("ip", "127.0.0." + (index % 250 + 1)), null);
    }

    /** @return {@code task} with a RUNNING, healthy status */
    static TaskRecord running(TaskRecord task) {
        return task.withStatus(TaskStatus.of(task.taskId(), TaskState.RUNNING, T0)
                .withHealth(CheckState.PASSED).withReadiness(CheckState.PASSED).withMessage("up"));
    }

    /** @return a small valid service spec with {@code count} instances of pod {@code hello} */
    static ServiceSpec spec(String name, int count) {
        String yaml = """
                name: %s
                pods:
                  hello:
                    count: %d
                    tasks:
                      server:
                        goal: RUNNING
                        cmd: "echo hello >> hello-container-path/output && sleep 1000"
                        cpus: 0.1
                        memory: 256
                        volume:
                          path: hello-container-path
                          type: ROOT
                          size: 50
                """.formatted(name, count);
        try {
            return SpecLoader.builder().build().load("svc.yml", yaml, Path.of("."));
        } catch (SpecException e) {
            throw new AssertionError("the fixture spec does not load: " + e.getMessage(), e);
        }
    }
}
