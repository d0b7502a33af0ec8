package io.stratum.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.sim.TaskBehaviour;
import io.stratum.sdk.internal.http.ApiServer;
import io.stratum.sdk.internal.http.SchedulerApi;
import io.stratum.sdk.internal.state.PropertyStore;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An operator sees a failing before-decommission task in {@code stratum plan show decommission}
 * and gives up on it with {@code stratum plan force-complete}: only then is the server killed.
 */
class DecommissionControlTest {
    private static final String SPEC = """
            name: ring
            pods:
              node:
                count: 2
                allow-decommission: true
                before-decommission: [decommission]
                tasks:
                  server: {cmd: serve, cpus: 0.5, memory: 256}
                  decommission: {cmd: nodetool decommission, cpus: 0.1, memory: 32, goal: ONCE}
            """;

    private static ServiceSpec spec(String yaml) throws Exception {
        return SpecLoader.builder().build().load("svc.yml", yaml, Path.of("."));
    }

    @Test
    void aFailingDecommissionShowsInThePlanAndForceCompleteRemovesTheInstance() throws Exception {
        var context = ServiceTestRunner.builder(spec(SPEC)).build().run(Send.offersUntilComplete("deploy", 20));
        context.cluster().script("node-1-decommission", TaskBehaviour.failAfterRunning("nodetool: connection refused"));
        Send.configUpdate(spec(SPEC.replace("count: 2", "count: 1"))).run(context);
        Send.offers().run(context);
        Send.offers().run(context);
        String server = context.liveTask("node-1-server").taskId();
        ApiServer.Builder routes = ApiServer.builder();
        new SchedulerApi(context.scheduler(), null, PropertyStore.of(context.persister())).routes(routes);

        try (ApiServer api = routes.build().start()) {
            CliRun show = CliRun.of("plan", "show", "decommission", "--api", api.uri().toString());
            assertThat(show.exitCode()).as(show.toString()).isZero();
            assertThat(show.out().lines()).containsExactly(
                    "decommission (serial) DELAYED",
                    "  decommission (serial) DELAYED",
                    "    node-1:[decommission] DELAYED",
                    "    node-1:[server] PENDING");
            Expect.taskRunning("node-1-server").run(context);

            CliRun force = CliRun.of("plan", "force-complete", "decommission", "--phase", "decommission",
                    "--step", "node-1:[decommission]", "--api", api.uri().toString());
            assertThat(force.exitCode()).as(force.toString()).isZero();
        }
        context.settle();

        assertThat(context.cluster().task(server).orElseThrow().state()).isEqualTo(TaskState.KILLED);
        Send.offersUntilComplete("decommission", 10).run(context);
        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        Expect.taskRunning("node-0-server").run(context);
    }
}
