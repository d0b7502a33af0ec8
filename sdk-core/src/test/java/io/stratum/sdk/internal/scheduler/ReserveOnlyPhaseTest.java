package io.stratum.sdk.internal.scheduler;

import static io.stratum.sdk.internal.scheduler.DiscoveryTest.env;
import static io.stratum.sdk.internal.scheduler.DiscoveryTest.label;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.plan.PhaseDefinition;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.Strategy;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A reserve-only phase places every instance of an ensemble (reserves, makes volumes, records the
 * address and ports) before a later phase launches any, so each member launches knowing them all;
 * the launch is in place, on exactly those reservations and ports.
 */
class ReserveOnlyPhaseTest {
    static final String SPEC = """
            name: ring
            pods:
              node:
                count: 3
                discoverable: true
                placement: hostname:UNIQUE
                tasks:
                  server:
                    cmd: serve
                    cpus: 0.1
                    memory: 32
                    volume: {path: data, type: ROOT, size: 64}
                    ports:
                      native: {port: 0}
            plans:
              deploy:
                strategy: serial
                phases:
                  place:
                    pod: node
                    strategy: parallel
                    reserve-only: true
                  launch:
                    pod: node
                    strategy: serial
            """;

    private static ServiceSpec spec() {
        return SchedulerOnSimTest.spec(SPEC);
    }

    private static Set<String> hosts(ServiceTestRunner.Context context) {
        return context.scheduler().tasks().stream().map(t -> t.labels().get(TaskLabels.HOSTNAME)).collect(Collectors.toSet());
    }

    @Test
    void everyInstanceIsPlacedBeforeAnyLaunchesAndTheFirstLaunchKnowsThemAll() {
        var context = ServiceTestRunner.builder(Service.builder(spec()).build()).build().run();
        Send.offers().run(context);

        assertThat(context.cluster().launched()).as("nothing launched by the reserve-only phase").isEmpty();
        var phases = context.scheduler().plans().get("deploy").phases();
        assertThat(phases.get(0).status()).isEqualTo(Status.COMPLETE);
        assertThat(phases.get(1).steps()).allMatch(s -> s.status() == Status.PENDING);
        List<TaskRecord> reserved = context.scheduler().tasks();
        assertThat(reserved).hasSize(3).allMatch(TaskLabels::isReservation);
        assertThat(hosts(context)).hasSize(3);
        // each holds its reservations and volume on its agent already
        for (TaskRecord r : reserved) {
            List<Resource> held = context.cluster().reservations(r.agentId());
            assertThat(held).extracting(res -> res.resourceId().orElse("")).containsAll(r.resourceIds());
            assertThat(context.cluster().volumes(r.agentId())).isNotEmpty();
        }

        Send.offersUntilComplete("deploy", 30).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);

        String all = String.join(",", label(context, "node-0-server", TaskLabels.HOSTNAME),
                label(context, "node-1-server", TaskLabels.HOSTNAME), label(context, "node-2-server", TaskLabels.HOSTNAME));
        assertThat(env(context, "node-0-server")).containsEntry("NODE_HOSTS", all)
                .containsKeys("NODE_1_PORT_NATIVE", "NODE_2_PORT_NATIVE");
        for (TaskRecord before : reserved) {
            TaskRecord now = context.scheduler().tasks().stream().filter(t -> t.name().equals(before.name()))
                    .findFirst().orElseThrow();
            assertThat(TaskLabels.isReservation(now)).isFalse();
            assertThat(now.agentId()).as("launched in place").isEqualTo(before.agentId());
            assertThat(now.resourceIds()).containsExactlyInAnyOrderElementsOf(before.resourceIds());
            assertThat(now.volumeIds()).containsExactlyInAnyOrderElementsOf(before.volumeIds());
            assertThat(now.labels()).containsEntry(TaskLabels.PORT_PREFIX + "native",
                    before.labels().get(TaskLabels.PORT_PREFIX + "native")).containsEntry(TaskLabels.PLACEMENT, "in_place");
        }
        Expect.launches("node-0-server", 1).run(context);
        assertThat(context.cluster().launched()).hasSize(3);
    }

    @Test
    void reservationsSurviveARestartAndAreNeitherReconciledNorCollected() {
        var context = ServiceTestRunner.builder(Service.builder(spec()).build()).build().run();
        Send.offers().run(context);
        List<TaskRecord> reserved = context.scheduler().tasks();
        assertThat(reserved).hasSize(3);

        Send.schedulerRestart().run(context);
        Send.offers().run(context);
        Send.offers().run(context);
        assertThat(context.cluster().errors()).isEmpty();
        assertThat(context.cluster().kills()).isEmpty();
        for (TaskRecord r : reserved) {
            assertThat(context.cluster().reservations(r.agentId())).extracting(res -> res.resourceId().orElse(""))
                    .as("not garbage-collected").containsAll(r.resourceIds());
        }
        Send.offersUntilComplete("deploy", 30).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        assertThat(context.scheduler().tasks()).extracting(TaskRecord::agentId)
                .containsExactlyElementsOf(reserved.stream().map(TaskRecord::agentId).toList());
    }

    @Test
    void aReserveOnlyPhaseOfPlacedInstancesCompletesAtOnceAndAScaleUpReservesOnlyTheNewOne() {
        var context = ServiceTestRunner.builder(Service.builder(spec()).build())
                .withCluster(() -> io.stratum.sdk.backend.sim.SimCluster.builder()
                        .agents(4, a -> a.cpus(4).mem(8192).disk(32_768).ports(10_000, 20_000)))
                .build().run();
        Send.offersUntilComplete("deploy", 30).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);

        Send.configUpdate(SchedulerOnSimTest.spec(SPEC.replace("count: 3", "count: 4"))).run(context);
        assertThat(context.scheduler().plans().get("deploy").phases().get(0).steps())
                .filteredOn(s -> s.podInstance().index() < 3).allMatch(s -> s.status() == Status.COMPLETE);
        Send.offersUntilComplete("deploy", 30).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);

        Expect.launches("node-0-server", 1).run(context);
        TaskLaunch node3 = DiscoveryTest.launch(context, "node-3-server");
        assertThat(node3.env().get("NODE_HOSTS").split(",")).hasSize(4);
    }

    @Test
    void aCustomizerMakesAPhaseReserveOnly() {
        String plain = SPEC.substring(0, SPEC.indexOf("plans:"));
        PlanCustomizer placeFirst = PlanCustomizer.forPlan("deploy", deploy -> deploy.withPhases(List.of(
                PhaseDefinition.of("place", Strategy.PARALLEL, deploy.phases().get(0).steps()).withReserveOnly(true),
                deploy.phases().get(0))));
        var context = ServiceTestRunner.builder(Service.builder(SchedulerOnSimTest.spec(plain)).planCustomizer(placeFirst)
                .build()).build().run();
        Send.offersUntilComplete("deploy", 30).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);

        assertThat(env(context, "node-0-server").get("NODE_HOSTS").split(",")).hasSize(3);
    }

    @Test
    void aReservedInstanceThatIsDecommissionedIsReleasedWithoutKills() {
        String decommissionable = SPEC.replace("discoverable: true", "discoverable: true\n    allow-decommission: true");
        var context = ServiceTestRunner.builder(Service.builder(SchedulerOnSimTest.spec(decommissionable)).build())
                .build().run();
        Send.offers().run(context);
        TaskRecord node2 = context.scheduler().tasks().get(2);
        assertThat(node2.name()).isEqualTo("node-2-server");
        assertThat(TaskLabels.isReservation(node2)).isTrue();

        Send.configUpdate(SchedulerOnSimTest.spec(decommissionable.replace("count: 3", "count: 2"))).run(context);
        Send.offersUntilComplete("deploy", 30).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        Expect.planStatus("decommission", Status.COMPLETE).run(context);
        Send.offers().run(context);

        assertThat(context.cluster().kills()).as("nothing to kill: node-2 never ran").isEmpty();
        assertThat(context.scheduler().tasks()).extracting(TaskRecord::name).containsExactly("node-0-server", "node-1-server");
        assertThat(context.cluster().reservations(node2.agentId())).extracting(r -> r.resourceId().orElse(""))
                .as("node-2's reservations released").doesNotContainAnyElementsOf(node2.resourceIds());
        assertThat(env(context, "node-0-server").get("NODE_HOSTS").split(",")).hasSize(2);
    }

    @Test
    void aReservedInstanceWhoseAgentIsLostIsPlacedAnewAtItsLaunch() {
        var context = ServiceTestRunner.builder(Service.builder(spec()).build())
                .withCluster(() -> io.stratum.sdk.backend.sim.SimCluster.builder()
                        .agents(4, a -> a.cpus(4).mem(8192).disk(32_768).ports(10_000, 20_000)))
                .build().run();
        Send.offers().run(context);
        TaskRecord node1 = context.scheduler().tasks().get(1);
        assertThat(node1.name()).isEqualTo("node-1-server");

        context.cluster().loseAgent(node1.agentId());
        context.settle();
        assertThat(context.scheduler().tasks()).extracting(TaskRecord::name).containsExactly("node-0-server", "node-2-server");
        Send.offersUntilComplete("deploy", 30).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);

        String newAgent = context.scheduler().tasks().get(1).agentId();
        assertThat(newAgent).isNotEqualTo(node1.agentId());
        assertThat(label(context, "node-1-server", TaskLabels.PLACEMENT)).isEqualTo("new");
        assertThat(env(context, "node-1-server")).containsEntry("NODE_1_HOST", label(context, "node-1-server",
                TaskLabels.HOSTNAME));
        assertThat(context.cluster().kills()).isEmpty();
    }

    @Test
    void aReserveOnlyPhaseStartedOverRunningInstancesKillsNothing() {
        String withCustomPlan = SPEC + """
                  place-again:
                    phases:
                      place:
                        pod: node
                        reserve-only: true
                """;
        var context = ServiceTestRunner.builder(Service.builder(SchedulerOnSimTest.spec(withCustomPlan)).build())
                .build().run();
        Send.offersUntilComplete("deploy", 30).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);

        Send.planStart("place-again", java.util.Map.of()).run(context);
        Send.offersUntilComplete("place-again", 10).run(context);

        Expect.planStatus("place-again", Status.COMPLETE).run(context);
        assertThat(context.cluster().kills()).isEmpty();
        assertThat(context.cluster().launched()).hasSize(3);
    }
}
