package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.internal.state.StateStore;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskCacheTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aRepeatedStatusIsNotWrittenAgainButANewOneIs() {
        RecordingPersister persister = new RecordingPersister(Persister.inMemory());
        TaskCache tasks = new TaskCache(StateStore.of(persister));
        tasks.put(List.of(new TaskRecord("t1", "node-0-server", "node", 0, "agent-1", "config", List.of(), List.of(),
                Map.of(), null)));
        TaskStatus running = TaskStatus.of("t1", TaskState.RUNNING, NOW);
        tasks.status(running);
        int writes = persister.writes();

        Optional<TaskRecord> again = tasks.status(running);

        assertThat(persister.writes()).isEqualTo(writes);
        assertThat(again.orElseThrow().lastStatus()).contains(running);
        tasks.status(TaskStatus.of("t1", TaskState.FAILED, NOW.plusSeconds(1)));
        assertThat(persister.writes()).isEqualTo(writes + 1);
        assertThat(StateStore.of(persister).fetchTask("node-0-server").orElseThrow().lastStatus().orElseThrow().state())
                .isEqualTo(TaskState.FAILED);
    }
}
