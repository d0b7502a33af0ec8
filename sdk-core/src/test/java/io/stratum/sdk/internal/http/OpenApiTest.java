package io.stratum.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OpenApiTest {
    @Test
    void theOpenApiDocumentDescribesExactlyTheRoutesTheServerServes() throws Exception {
        ApiServer.Builder builder = ApiServer.builder();
        new SchedulerApi(null, null, null).routes(builder);
        List<String> served = builder.build().routes();

        JsonNode doc = new ObjectMapper().readTree(SchedulerApi.openApi());
        List<String> documented = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    }
}
