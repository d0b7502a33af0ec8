package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.backend.sim.TaskBehaviour;
import io.stratum.sdk.discovery.TaskContext;
import io.stratum.sdk.discovery.TaskEnvironment;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A launch that replaces its pod instance elsewhere ({@code pod replace}, a permanent failure) knows
 * the address it moves the instance off, as {@code STRATUM_REPLACED_ADDRESS} and
 * {@link TaskContext#replacedAddress()}; no other launch has it. Each of the two agents fits one
 * instance, so a replacement always lands on the other one.
 */
class ReplacedAddressTest {
    private static final String SPEC = """
            name: ring
            pods:
              node:
                count: 1
                tasks:
                  server:
                    cmd: serve
                    cpus: 0.6
                    memory: 32
                    ports: {native: {port: 0}}
            """;
    private static final String VARIABLE = TaskContext.REPLACED_ADDRESS;

    /** What the framework's task environment was asked, launch by launch. */
    private final List<TaskContext> seen = new CopyOnWriteArrayList<>();

    private ServiceTestRunner.Builder runner(String yaml) {
        TaskEnvironment recording = task -> {
            seen.add(task);
            return Map.of();
        };
        return ServiceTestRunner.builder(Service.builder(SchedulerOnSimTest.spec(yaml)).taskEnvironment(recording).build())
                .withCluster(() -> SimCluster.builder().agents(2, a -> a.cpus(1).mem(1024).disk(1024).ports(10_000, 10_100)));
    }

    private ServiceTestRunner.Context deployed() {
        var context = runner(SPEC).build().run(Send.offersUntilComplete("deploy", 20),
                Expect.planStatus("deploy", Status.COMPLETE));
        return context;
    }

    private static TaskLaunch lastLaunch(ServiceTestRunner.Context context) {
        return DiscoveryTest.launch(context, "node-0-server");
    }

    private Optional<String> lastSeen() {
        return seen.get(seen.size() - 1).replacedAddress();
    }

    @Test
    void aReplacementKnowsTheAddressOfTheAgentItMovedOff() {
        var context = deployed();
        String oldHost = DiscoveryTest.label(context, "node-0-server", TaskLabels.HOSTNAME);
        String oldAgent = context.liveTask("node-0-server").agentId();
        assertThat(lastLaunch(context).env()).as("a first launch").doesNotContainKey(VARIABLE);
        assertThat(lastSeen()).isEmpty();

        Send.podReplace("node-0").run(context);
        Send.offersUntilComplete("recovery", 10).run(context);

        Expect.launches("node-0-server", 2).run(context);
        Expect.taskRunning("node-0-server").run(context);
        assertThat(context.liveTask("node-0-server").agentId()).isNotEqualTo(oldAgent);
        assertThat(DiscoveryTest.label(context, "node-0-server", TaskLabels.HOSTNAME)).isNotEqualTo(oldHost);
        assertThat(lastLaunch(context).env()).containsEntry(VARIABLE, oldHost);
        assertThat(lastSeen()).contains(oldHost);
        assertThat(seen.get(seen.size() - 1).environment()).containsEntry(VARIABLE, oldHost);
    }

    @Test
    void aReplacementDecidedBeforeASchedulerRestartStillHappensAndKnowsTheOldAddress() {
        var context = deployed();
        String oldHost = DiscoveryTest.label(context, "node-0-server", TaskLabels.HOSTNAME);
        String oldAgent = context.liveTask("node-0-server").agentId();

        Send.podReplace("node-0").run(context);
        Send.schedulerRestart().run(context);
        Send.offersUntilComplete("recovery", 10).run(context);

        Expect.launches("node-0-server", 2).run(context);
        Expect.taskRunning("node-0-server").run(context);
        assertThat(context.liveTask("node-0-server").agentId()).isNotEqualTo(oldAgent);
        assertThat(lastLaunch(context).env()).containsEntry(VARIABLE, oldHost);
        assertThat(lastSeen()).contains(oldHost);

        // Replaced: the next restart replaces nothing more.
        Send.schedulerRestart().run(context);
        for (int i = 0; i < 3; i++) {
            Send.offers().run(context);
        }
        Expect.launches("node-0-server", 2).run(context);
    }

    @Test
    void aRestartInPlaceACrashAndAConfigUpdateRelaunchWithoutIt() {
        var context = deployed();
        Send.podReplace("node-0").run(context);
        Send.offersUntilComplete("recovery", 10).run(context);
        assertThat(lastLaunch(context).env()).containsKey(VARIABLE);
        String agent = context.liveTask("node-0-server").agentId();

        Send.failure("node-0-server").run(context);
        Send.offersUntilComplete("recovery", 10).run(context);
        Expect.launches("node-0-server", 3).run(context);
        assertThat(lastLaunch(context).env()).as("a relaunch after a crash").doesNotContainKey(VARIABLE);
        assertThat(lastSeen()).isEmpty();

        Send.podRestart("node-0").run(context);
        Send.offersUntilComplete("recovery", 10).run(context);
        Expect.launches("node-0-server", 4).run(context);
        assertThat(lastLaunch(context).env()).as("a pod restart").doesNotContainKey(VARIABLE);
        assertThat(lastSeen()).isEmpty();

        Send.configUpdate(SchedulerOnSimTest.spec(SPEC.replace("cmd: serve", "cmd: serve --v2"))).run(context);
        Send.offersUntilComplete("deploy", 10).run(context);
        Expect.launches("node-0-server", 5).run(context);
        assertThat(lastLaunch(context).spec().cmd()).isEqualTo("serve --v2");
        assertThat(lastLaunch(context).env()).as("a config update").doesNotContainKey(VARIABLE);
        assertThat(lastSeen()).isEmpty();
        Expect.taskOnAgent("node-0-server", agent).run(context);
    }

    @Test
    void aPermanentlyFailedInstanceIsReplacedWithTheAddressItFailedOn() {
        var context = runner(SPEC).withSettings(SchedulerSettings.DEFAULT.withPermanentFailureTimeout(Duration.ofMinutes(5)))
                .build().run(Send.offersUntilComplete("deploy", 20));
        String oldHost = DiscoveryTest.label(context, "node-0-server", TaskLabels.HOSTNAME);
        context.cluster().script("node-0-server", TaskBehaviour.failOnStart("crash"));
        Send.failure("node-0-server").run(context);
        for (int i = 0; i < 5; i++) {
            Send.offers().run(context);
        }
        assertThat(context.cluster().launched()).filteredOn(l -> l.fullName().equals("node-0-server"))
                .allSatisfy(l -> assertThat(l.env()).as("relaunches in place").doesNotContainKey(VARIABLE));

        context.cluster().clearScripts();
        Send.time(Duration.ofMinutes(5)).run(context);
        Send.offersUntilComplete("recovery", 10).run(context);

        Expect.taskRunning("node-0-server").run(context);
        assertThat(DiscoveryTest.label(context, "node-0-server", TaskLabels.HOSTNAME)).isNotEqualTo(oldHost);
        assertThat(lastLaunch(context).env()).containsEntry(VARIABLE, oldHost);
    }

    @Test
    void aReplacementWhoseLaunchWasDroppedStillKnowsTheAddressItReplacesAfterARestart() {
        var context = deployed();
        String oldHost = DiscoveryTest.label(context, "node-0-server", TaskLabels.HOSTNAME);
        Send.podReplace("node-0").run(context);
        // Two rounds of offers before the scheduler sees either: the launch goes to a stale offer.
        context.advance(Duration.ofSeconds(1));
        context.scheduler().tick();
        context.settle();
        context.cluster().sendOffers(true);
        context.cluster().sendOffers(true);
        context.settle();
        assertThat(context.scheduler().tasks()).singleElement().satisfies(r -> {
            assertThat(r.lastStatus().orElseThrow().state()).isEqualTo(TaskState.DROPPED);
            assertThat(r.labels()).containsEntry(TaskLabels.REPLACED, oldHost).doesNotContainEntry(TaskLabels.HOSTNAME,
                    oldHost);
        });

        Send.schedulerRestart().run(context);
        Send.offersUntilComplete("recovery", 10).run(context);

        // The dropped try never ran; the old reservations are gone by now, so the replacement may land
        // on the old agent again.
        Expect.launches("node-0-server", 2).run(context);
        Expect.taskRunning("node-0-server").run(context);
        assertThat(lastLaunch(context).env()).containsEntry(VARIABLE, oldHost);
        assertThat(lastSeen()).contains(oldHost);
    }
}
