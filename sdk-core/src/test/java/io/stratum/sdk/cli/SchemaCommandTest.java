package io.stratum.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {
    @Test
    void schemaPrintsAJsonSchemaDescribingPodsAndTasks() throws Exception {
        CliRun run = CliRun.of("schema");

        assertThat(run.exitCode()).isZero();
        JsonNode schema = new ObjectMapper().readTree(run.out());
        assertThat(schema.path("$schema").asText()).contains("2020-12");
        assertThat(schema.path("properties").has("pods")).isTrue();
        assertThat(schema.path("$defs").path("task").path("properties").has("readiness-check")).isTrue();
    }
}
