package io.stratum.sdk.it.realmesos.prereserved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.it.realmesos.RealMesos;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pod with {@code pre-reserved-role: pre} on an agent whose resources are partly statically
 * reserved for {@code pre}: the framework also subscribes to {@code pre/<name>-role}, refines the
 * static reservation to it (the README's "refines R's static reservations to R/<name>-role"),
 * and the task runs with its volume there.
 * The offer allocated to {@code pre/<name>-role} holds only the {@code pre} resources, none
 * unreserved: the default executor takes its share from those (the test master offers every
 * role's resources together, which hid that an executor found nothing to take).
 */
class MesosPreReservedRoleIT {
    private static final String SPEC = """
            name: refined
            pods:
              node:
                count: 1
                pre-reserved-role: pre
                tasks:
                  server:
                    goal: RUNNING
                    cmd: echo refined > data/marker && exec sleep 100000
                    cpus: 0.5
                    memory: 256
                    volume: {path: data, type: ROOT, size: 100}
            """;

    @RegisterExtension
    static final RealMesos MESOS = new RealMesos(1,
            "cpus(pre):1;mem(pre):1024;disk(pre):1000;cpus:1;mem:2048;disk:5000;ports:[31000-32000]");

    @TempDir
    Path dir;

    @Test
    void aPodOnAPreReservedRoleRefinesTheStaticReservation() throws Exception {
        try (RealMesos.Deployed deployed = MESOS.deploy(dir, SPEC)) {
            ServiceApi api = deployed.api();

            assertThat(MESOS.framework("refined").path("roles").toString()).contains("refined-role", "pre/refined-role");
            List<JsonNode> refined = MESOS.reservations("pre/refined-role");
            assertThat(refined).extracting(r -> r.path("name").asText()).contains("cpus", "mem", "disk");
            assertThat(refined).allSatisfy(r -> {
                JsonNode stack = r.path("reservations");
                assertThat(stack.get(0).path("type").asText()).isEqualTo("STATIC");
                assertThat(stack.get(0).path("role").asText()).isEqualTo("pre");
                assertThat(stack.get(stack.size() - 1).path("role").asText()).isEqualTo("pre/refined-role");
            });
            await("the task wrote into its volume").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL)
                    .until(() -> !MESOS.volumeFiles("marker").isEmpty());
            assertThat(RealMesos.read(MESOS.volumeFiles("marker").get(0))).isEqualTo("refined\n");
        }
    }
}
