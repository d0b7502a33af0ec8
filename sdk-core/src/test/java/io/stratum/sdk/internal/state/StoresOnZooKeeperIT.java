package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.spec.ServiceSpec;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stores on the ZooKeeper persister, read back by a second client as a restarted scheduler would. */
class StoresOnZooKeeperIT {
    @RegisterExtension
    static final ZooKeeperExtension ZK = new ZooKeeperExtension();

    private final String service = ZooKeeperExtension.uniqueService();

    @Test
    void aServiceSpecRoundTripsThroughTheConfigStore() {
        ServiceSpec spec = StateFixtures.spec("hello-world", 2);
        UUID id = ConfigStore.of(ZK.client(service).persister()).storeAsTarget(spec);

        ConfigStore restarted = ConfigStore.of(ZK.client(service).persister());
        assertThat(restarted.targetId()).contains(id);
        assertThat(restarted.fetchTarget()).contains(spec);
        assertThat(restarted.list()).containsExactly(id);
    }

    @Test
    void everyStoreReadsBackWhatAnEarlierSchedulerWrote() {
        Persister before = ZK.client(service).persister();
        TaskRecord task = StateFixtures.running(StateFixtures.task("hello", 0));
        StateStore.of(before).storeTasks(List.of(task));
        StateStore.of(before).storeGoalOverride("hello-0", GoalOverride.of(GoalOverride.Kind.PAUSED));
        FrameworkStore.of(before).storeFrameworkId("fw-42");
        PlanStore.of(before).store("deploy", new byte[] {1, 2, 3});
        PropertyStore.of(before).store("a/b", new byte[2 * 1024 * 1024]);

        Persister after = ZK.client(service).persister();
        assertThat(StateStore.of(after).fetchTasks()).containsExactly(task);
        assertThat(StateStore.of(after).fetchGoalOverrides()).containsKey("hello-0");
        assertThat(FrameworkStore.of(after).fetchFrameworkId()).contains("fw-42");
        assertThat(PlanStore.of(after).fetch("deploy")).isPresent();
        assertThat(PropertyStore.of(after).fetch("a/b")).hasValueSatisfying(v -> assertThat(v).hasSize(2 * 1024 * 1024));
    }
}
