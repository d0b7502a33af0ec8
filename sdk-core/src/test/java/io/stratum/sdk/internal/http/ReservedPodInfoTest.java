package io.stratum.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.internal.state.PropertyStore;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The API shows an instance a reserve-only phase placed as RESERVED, with its address and port. */
class ReservedPodInfoTest {
    @Test
    void aReservedInstanceIsShownReservedWhereItIsPlaced() throws Exception {
        var spec = SpecLoader.builder().build().load("svc.yml", """
                name: ring
                pods:
                  node:
                    count: 2
                    discoverable: true
                    tasks:
                      server:
                        cmd: serve
                        cpus: 0.1
                        memory: 32
                        ports: {native: {port: 0, advertise: true}}
                plans:
                  deploy:
                    phases:
                      place: {pod: node, strategy: parallel, reserve-only: true}
                      start: {pod: node, strategy: serial}
                """, Path.of("."));
        ServiceTestRunner.Context context = ServiceTestRunner.builder(spec).build().run(Send.offers());
        SchedulerApi api = new SchedulerApi(context.scheduler(), null, PropertyStore.of(context.persister()));
        try (HttpFixture http = new HttpFixture(api.routes(ApiServer.builder()))) {
            HttpFixture.Reply info = http.get("/v1/pod/node-1/info");

            assertThat(info.status()).isEqualTo(200);
            assertThat(info.json().get(0).path("state").asText()).isEqualTo("RESERVED");
            assertThat(info.json().get(0).path("labels").path("hostname").asText()).endsWith(".sim");
            assertThat(info.json().get(0).path("labels").path("port.native").asText()).matches("\\d+");
            assertThat(info.json().get(0).has("health")).as("no status heard: it never ran").isFalse();
        }
    }
}
