package io.stratum.sdk.it.realmesos.uninstall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.sdk.it.realmesos.RealMesos;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ServiceSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stratum uninstall --mesos} of a deployed, stopped hello-world on a real master: the
 * master is left with no task, reservation or volume of the service's role and no framework of
 * its name (it is torn down: completed), and the work dir is gone. Prints
 * {@code mesos-uninstall}.
 */
class MesosUninstallIT {
    private static final String ROLE = "hello-world-role";

    @RegisterExtension
    static final RealMesos MESOS = new RealMesos(3);

    @TempDir
    Path dir;

    @Test
    void uninstallLeavesNoReservationVolumeOrFrameworkOnTheMaster() throws Exception {
        ServiceSpec spec = RealMesos.helloWorld();
        RunOptions options = MESOS.options(dir.resolve("work"));
        StringWriter output = new StringWriter();
        try {
            MESOS.deploy(spec, options).close();
            String frameworkId = MESOS.framework("hello-world").path("id").asText();
            assertThat(MESOS.reservations(ROLE)).as("reserved before the uninstall").isNotEmpty();

            long start = System.nanoTime();
            Service.builder(spec).build().uninstall(options, new PrintWriter(output, true));
            System.out.printf("FIGURE mesos-uninstall: %.2f s%n", (System.nanoTime() - start) / 1e9);

            MESOS.awaitMaster("the framework torn down", "/frameworks", frameworks -> {
                for (JsonNode f : frameworks.path("frameworks")) {
                    if (f.path("id").asText().equals(frameworkId)) {
                        return false;
                    }
                }
                for (JsonNode f : frameworks.path("completed_frameworks")) {
                    if (f.path("id").asText().equals(frameworkId)) {
                        return true;
                    }
                }
                return false;
            });
            assertThat(MESOS.reservations(ROLE)).as("reservations and volumes of %s", ROLE).isEmpty();
            for (JsonNode agent : MESOS.master("/slaves").path("slaves")) {
                assertThat(agent.path("used_resources").path("cpus").asDouble()).as("cpus used on %s", agent.path("hostname"))
                        .isZero();
            }
            assertThat(dir.resolve("work")).doesNotExist();
        } finally {
            System.out.println(output);
        }
    }
}
