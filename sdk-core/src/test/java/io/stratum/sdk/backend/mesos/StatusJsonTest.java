package io.stratum.sdk.backend.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusJsonTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anAgentsUpdateCarriesItsUuidAsAckIdAndItsChecks() throws Exception {
        TaskStatusUpdate update = read("{\"task_id\":{\"value\":\"t1\"},\"state\":\"TASK_RUNNING\",\"agent_id\":{\"value\":\"a1\"},"
                + "\"uuid\":\"AAECAw==\",\"healthy\":false,\"timestamp\":1767225600.5,"
                + "\"check_status\":{\"type\":\"COMMAND\",\"command\":{\"exit_code\":0}}}");

        assertThat(update.ackId()).contains("AAECAw==");
        assertThat(update.agentId()).contains("a1");
        assertThat(update.status().state()).isEqualTo(TaskState.RUNNING);
        assertThat(update.status().health()).isEqualTo(CheckState.FAILED);
        assertThat(update.status().readiness()).isEqualTo(CheckState.PASSED);
        assertThat(update.status().timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00.500Z"));
    }

    @Test
    void aCheckThatHasNotRunYetHasNoVerdict() throws Exception {
        assertThat(read("{\"task_id\":{\"value\":\"t\"},\"state\":\"TASK_RUNNING\",\"check_status\":{\"type\":\"COMMAND\",\"command\":{}}}")
                .status().readiness()).isEqualTo(CheckState.UNKNOWN);
        assertThat(read("{\"task_id\":{\"value\":\"t\"},\"state\":\"TASK_RUNNING\",\"check_status\":{\"type\":\"HTTP\",\"http\":{\"status_code\":503}}}")
                .status().readiness()).isEqualTo(CheckState.FAILED);
        assertThat(read("{\"task_id\":{\"value\":\"t\"},\"state\":\"TASK_RUNNING\",\"check_status\":{\"type\":\"TCP\",\"tcp\":{\"succeeded\":true}}}")
                .status().readiness()).isEqualTo(CheckState.PASSED);
        assertThat(read("{\"task_id\":{\"value\":\"t\"},\"state\":\"TASK_RUNNING\"}").status().health()).isEqualTo(CheckState.UNKNOWN);
    }

    @Test
    void theMastersOwnUpdatesHaveNoAckIdAndTheReasonInTheMessage() throws Exception {
        TaskStatusUpdate update = read("{\"task_id\":{\"value\":\"t\"},\"state\":\"TASK_UNKNOWN\",\"source\":\"SOURCE_MASTER\","
                + "\"reason\":\"REASON_RECONCILIATION\",\"message\":\"Reconciliation: Task is unknown\"}");

        assertThat(update.ackId()).isEmpty();
        assertThat(update.status().state()).isEqualTo(TaskState.LOST);
        assertThat(update.status().message()).isEqualTo("Reconciliation: Task is unknown (REASON_RECONCILIATION)");
        assertThat(update.status().timestamp()).isEqualTo(NOW);
    }

    @Test
    void everyMesosStateHasOneOfOurs() {
        assertThat(StatusJson.state("TASK_STAGING")).isEqualTo(TaskState.STAGING);
        assertThat(StatusJson.state("TASK_STARTING")).isEqualTo(TaskState.STARTING);
        assertThat(StatusJson.state("TASK_KILLING")).isEqualTo(TaskState.KILLING);
        assertThat(StatusJson.state("TASK_FINISHED")).isEqualTo(TaskState.FINISHED);
        assertThat(StatusJson.state("TASK_FAILED")).isEqualTo(TaskState.FAILED);
        assertThat(StatusJson.state("TASK_KILLED")).isEqualTo(TaskState.KILLED);
        assertThat(StatusJson.state("TASK_ERROR")).isEqualTo(TaskState.ERROR);
        assertThat(StatusJson.state("TASK_LOST")).isEqualTo(TaskState.LOST);
        assertThat(StatusJson.state("TASK_DROPPED")).isEqualTo(TaskState.DROPPED);
        assertThat(StatusJson.state("TASK_UNREACHABLE")).isEqualTo(TaskState.UNREACHABLE);
        assertThat(StatusJson.state("TASK_GONE")).isEqualTo(TaskState.GONE);
        assertThat(StatusJson.state("TASK_GONE_BY_OPERATOR")).isEqualTo(TaskState.GONE);
        for (org.apache.mesos.v1.Protos.TaskState state : org.apache.mesos.v1.Protos.TaskState.values()) {
            assertThat(StatusJson.state(state.name())).as(state.name()).isNotEqualTo(TaskState.UNKNOWN);
        }
    }

    private static TaskStatusUpdate read(String json) throws Exception {
        return StatusJson.fromJson(Wire.JSON.readTree(json), NOW);
    }
}
