package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.plan.Status;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import org.junit.jupiter.api.Test;

/**
 * {@code essential}: an essential task's failure (the default) relaunches its whole pod instance,
 * in place; a non-essential task's failure relaunches that task alone.
 */
class EssentialTasksTest {
    private static final String SPEC = """
            name: app
            pods:
              node:
                count: 2
                tasks:
                  init: {cmd: init, goal: ONCE, cpus: 0.1, memory: 32}
                  server: {cmd: serve, cpus: 0.5, memory: 128, volume: {path: data, type: ROOT, size: 64}}
                  metrics: {cmd: export, cpus: 0.1, memory: 32, essential: false}
            plans:
              deploy:
                phases:
                  nodes:
                    pod: node
                    steps: [{default: [[init], [server, metrics]]}]
            """;

    private static ServiceTestRunner.Context deployed() {
        return ServiceTestRunner.builder(SchedulerOnSimTest.spec(SPEC)).build().run(
                Send.offersUntilComplete("deploy", 30), Expect.planStatus("deploy", Status.COMPLETE));
    }

    @Test
    void anEssentialTaskFailingRelaunchesItsWholePodInstanceInPlace() {
        var context = deployed();
        String agent = context.liveTask("node-0-server").agentId();
        String otherMetrics = context.liveTask("node-1-metrics").taskId();

        Send.failure("node-0-server").run(context);
        Send.offersUntilComplete("recovery", 20).run(context);

        Expect.launches("node-0-server", 2).run(context);
        Expect.launches("node-0-metrics", 2).run(context);
        Expect.launches("node-0-init", 1).run(context);
        Expect.taskRunning("node-0-server").run(context);
        Expect.taskRunning("node-0-metrics").run(context);
        assertThat(context.liveTask("node-0-metrics").agentId()).isEqualTo(agent);
        assertThat(context.liveTask("node-1-metrics").taskId()).as("another instance is untouched").isEqualTo(otherMetrics);
        Expect.launches("node-1-server", 1).run(context);
    }

    @Test
    void aNonEssentialTaskFailingRelaunchesItAlone() {
        var context = deployed();
        String server = context.liveTask("node-0-server").taskId();

        Send.failure("node-0-metrics").run(context);
        Send.offersUntilComplete("recovery", 20).run(context);

        Expect.launches("node-0-metrics", 2).run(context);
        Expect.taskRunning("node-0-metrics").run(context);
        assertThat(context.liveTask("node-0-server").taskId()).as("the server kept running").isEqualTo(server);
        Expect.launches("node-0-server", 1).run(context);
    }
}
