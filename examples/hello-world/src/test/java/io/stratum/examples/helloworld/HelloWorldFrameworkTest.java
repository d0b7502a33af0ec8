package io.stratum.examples.helloworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.plan.Status;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestExtension;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** hello-world's own Java extensions, tested on the simulated cluster through its {@link Service}. */
class HelloWorldFrameworkTest {
    private static final Path SPEC = Path.of("svc.yml");

    @RegisterExtension
    static final ServiceTestExtension FRAMEWORK = ServiceTestExtension.of(HelloWorldFrameworkTest::framework);

    private static Service framework() {
        try {
            return HelloWorld.service(SPEC, Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return hello-world's spec with {@code from} replaced by {@code to} (once) */
    private static ServiceSpec edited(String from, String to) throws Exception {
        String yaml = Files.readString(SPEC);
        assertThat(yaml).contains(from);
        return SpecLoader.builder().build().load("svc.yml", yaml.replaceFirst(java.util.regex.Pattern.quote(from), to),
                Path.of("."));
    }

    @Test
    void theFrameworkDeploysOnTheSimulatedCluster(ServiceTestRunner runner) {
        runner.run(
                Send.offersUntilComplete("deploy", 30),
                Expect.planStatus("deploy", Status.COMPLETE),
                Expect.taskRunning("hello-0-server"),
                Expect.taskRunning("world-0-server"),
                Expect.taskRunning("world-1-server"));
    }

    @Test
    void theFrameworksRuleRefusesAnUpdateThatScalesHello(ServiceTestRunner runner) throws Exception {
        ServiceSpec twoHellos = edited("count: 1", "count: 2");

        runner.run(
                Send.offersUntilComplete("deploy", 30),
                Send.configUpdate(twoHellos),
                Expect.configRefused("pods.hello.count", "exactly one hello instance, got 2"),
                Expect.planStatus("deploy", Status.COMPLETE),
                Send.offers(),
                Send.offers(),
                Expect.that("no second hello was launched",
                        c -> c.cluster().liveTasks().stream().noneMatch(t -> t.name().equals("hello-1-server"))));
    }

    @Test
    void withoutTheFrameworkTheSameUpdateIsAccepted() throws Exception {
        ServiceSpec twoHellos = edited("count: 1", "count: 2");
        try (ServiceTestRunner plain = ServiceTestRunner.builder(framework().spec()).build()) {
            plain.run(
                    Send.offersUntilComplete("deploy", 30),
                    Send.configUpdate(twoHellos),
                    Send.offersUntilComplete("deploy", 30),
                    Expect.taskRunning("hello-1-server"));
        }
    }

    @Test
    void theFrameworksRuleLetsWorldScale(ServiceTestRunner runner) throws Exception {
        ServiceSpec threeWorlds = edited("count: 2", "count: 3");

        runner.run(
                Send.offersUntilComplete("deploy", 30),
                Send.configUpdate(threeWorlds),
                Send.offersUntilComplete("deploy", 30),
                Expect.planStatus("deploy", Status.COMPLETE),
                Expect.taskRunning("world-2-server"));
    }

    @Test
    void theFrameworksGreetPlanRelaunchesEachWorldWhenStarted(ServiceTestRunner runner) {
        runner.run(
                Send.offersUntilComplete("deploy", 30),
                Expect.launches("world-0-server", 1),
                Expect.launches("world-1-server", 1),
                Send.planStart("greet", Map.of()),
                Send.offersUntilComplete("greet", 30),
                Expect.planStatus("greet", Status.COMPLETE),
                Expect.launches("world-0-server", 2),
                Expect.launches("world-1-server", 2),
                Expect.launches("hello-0-server", 1));
    }

    @Test
    void theGreetPlanFollowsWorldsCount(ServiceTestRunner runner) throws Exception {
        ServiceSpec threeWorlds = edited("count: 2", "count: 3");

        runner.run(
                Send.offersUntilComplete("deploy", 30),
                Send.configUpdate(threeWorlds),
                Send.offersUntilComplete("deploy", 30),
                Send.planStart("greet", Map.of()),
                Send.offersUntilComplete("greet", 30),
                Expect.launches("world-2-server", 2));
    }

    @Test
    void aClosedRunnerRunsNoMore() {
        ServiceTestRunner runner = ServiceTestRunner.builder(framework()).build();
        runner.run(Send.offersUntilComplete("deploy", 30));
        runner.close();

        assertThatThrownBy(() -> runner.run(Send.offers())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
