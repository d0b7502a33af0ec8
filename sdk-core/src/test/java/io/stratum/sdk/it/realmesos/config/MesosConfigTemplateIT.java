package io.stratum.sdk.it.realmesos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.it.realmesos.RealMesos;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.service.ServiceRuntime;
import io.stratum.sdk.spec.ServiceSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config templates on a real Mesos agent: the scheduler renders the template at launch against
 * the task's environment, the agent's fetcher downloads it from the scheduler's API into the
 * task's own sandbox at its {@code dest}, and the task's readiness check (run by the default
 * executor) sees it there before the task copies it into its volume.
 */
class MesosConfigTemplateIT {
    private static final String SPEC = """
            name: conf-app
            pods:
              app:
                count: 1
                tasks:
                  server:
                    goal: RUNNING
                    cmd: cp conf/app.properties data/app.properties && exec sleep 100000
                    cpus: 0.1
                    memory: 32
                    ports:
                      http:
                        port: 0
                        env-key: HTTP_PORT
                    volume:
                      path: data
                      type: ROOT
                      size: 8
                    configs:
                      app:
                        template: app.properties.mustache
                        dest: conf/app.properties
                    readiness-check:
                      cmd: test -s conf/app.properties && test -s data/app.properties
                      interval: 1
                      delay: 0
                      timeout: 5
            """;
    private static final String TEMPLATE = """
            task={{TASK_NAME}}
            index={{POD_INSTANCE_INDEX}}
            port={{HTTP_PORT}}
            """;

    @RegisterExtension
    static final RealMesos MESOS = new RealMesos(1);

    @TempDir
    Path dir;

    @Test
    void aRenderedConfigIsFetchedIntoTheTasksSandboxBeforeItStarts() throws Exception {
        Files.writeString(dir.resolve("svc.yml"), SPEC);
        Files.writeString(dir.resolve("app.properties.mustache"), TEMPLATE);
        ServiceSpec spec = ServiceSpec.load(dir.resolve("svc.yml"), Map.of());
        StringWriter output = new StringWriter();
        try (ServiceRuntime runtime = Service.builder(spec).build().start(RunOptions.builder(dir.resolve("work"))
                .withApiPort(0).withMesos(MESOS.masterUrl()).build(), new PrintWriter(output, true))) {
            ServiceApi api = new ServiceApi(runtime.apiUrl());
            await("deploy COMPLETE").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL).until(api::deployComplete);

            ServiceApi.Task task = api.task("app-0");
            assertThat(MESOS.volumeFiles("app.properties")).singleElement().satisfies(file -> assertThat(RealMesos.read(file))
                    .startsWith("task=app-0-server\nindex=0\nport=").matches("(?s).*port=\\d+\\n"));
            assertThat(task.state()).isEqualTo("RUNNING");
        } finally {
            System.out.println(output);
        }
    }
}
