package io.stratum.sdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JUnit 5 extension: a fresh runner of the framework's service per test method, adjusted by
 * {@code withRunner}, closed after the method.
 */
class ServiceTestExtensionTest {
    private static final String SPEC = """
            name: ext
            pods:
              app:
                count: 2
                tasks:
                  server: {goal: RUNNING, cmd: exec sleep 1000, cpus: 0.1, memory: 32}
            """;
    private static final AtomicInteger SERVICES_MADE = new AtomicInteger();
    private static final List<ServiceTestRunner> HANDED_OUT = new ArrayList<>();

    @RegisterExtension
    static final ServiceTestExtension FRAMEWORK = ServiceTestExtension.of(ServiceTestExtensionTest::service)
            .withRunner(builder -> builder.withCluster(() -> SimCluster.builder()
                    .agent(a -> a.id("only-agent").cpus(2).mem(2048).disk(4096).ports(10_000, 10_100))));

    private static Service service() {
        SERVICES_MADE.incrementAndGet();
        try {
            ServiceSpec spec = SpecLoader.builder().build().load("svc.yml", SPEC, Path.of("."));
            return Service.builder(spec).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTestMethodGetsARunnerOfTheFrameworksService(ServiceTestRunner runner) {
        HANDED_OUT.add(runner);
        assertThat(runner.service().spec().name()).isEqualTo("ext");
        runner.run(Send.offersUntilComplete("deploy", 10), Expect.planStatus("deploy", Status.COMPLETE),
                Expect.taskRunning("app-1-server"),
                Expect.taskOnAgent("app-0-server", "only-agent"), Expect.taskOnAgent("app-1-server", "only-agent"));
    }

    @Test
    void eachTestMethodGetsItsOwnRunner(ServiceTestRunner runner) {
        HANDED_OUT.add(runner);
        runner.run(Send.offers(), Expect.launches("app-0-server", 1));
    }

    @AfterAll
    static void everyRunnerWasNewAndIsClosedAfterItsMethod() {
        assertThat(HANDED_OUT).hasSize(2).doesNotHaveDuplicates();
        assertThat(SERVICES_MADE).hasValue(2);
        for (ServiceTestRunner runner : HANDED_OUT) {
            assertThatThrownBy(() -> runner.run(Send.offers())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }
}
