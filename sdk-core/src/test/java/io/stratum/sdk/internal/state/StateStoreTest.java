package io.stratum.sdk.internal.state;

import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;

import static io.stratum.sdk.internal.state.StateFixtures.T0;
import static io.stratum.sdk.internal.state.StateFixtures.running;
import static io.stratum.sdk.internal.state.StateFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateStoreTest {
    private final Persister persister = Persister.inMemory();
    private final StateStore store = StateStore.of(persister);

    @Test
    void tasksRoundTripWithTheirStatus() {
        TaskRecord a = running(task("hello", 0));
        TaskRecord b = task("hello", 1);
        store.storeTasks(List.of(a, b));
        assertThat(store.fetchTask("hello-0-server")).contains(a);
        assertThat(store.fetchTask("hello-1-server")).contains(b);
        assertThat(store.fetchTask("hello-1-server").orElseThrow().lastStatus()).isEmpty();
        assertThat(store.fetchTasks()).containsExactly(a, b);
        assertThat(store.fetchTaskNames()).containsExactly("hello-0-server", "hello-1-server");
        assertThat(a.podInstanceName()).isEqualTo("hello-0");
    }

    @Test
    void aStatusOfTheCurrentLaunchIsStored() {
        TaskRecord t = task("hello", 0);
        store.storeTasks(List.of(t));
        TaskStatus failed = TaskStatus.of(t.taskId(), TaskState.FAILED, T0).withMessage("exit 1");
        assertThat(store.storeStatus(t.name(), failed)).contains(t.withStatus(failed));
        assertThat(store.fetchTask(t.name()).orElseThrow().status()).isEqualTo(failed);
        assertThat(failed.state().isTerminal()).isTrue();
    }

    @Test
    void aStatusOfAnEarlierLaunchOrUnknownTaskIsIgnored() {
        TaskRecord t = task("hello", 0);
        store.storeTasks(List.of(t));
        assertThat(store.storeStatus(t.name(), TaskStatus.of("hello-0-server__0", TaskState.LOST, T0))).isEmpty();
        assertThat(store.storeStatus("nobody", TaskStatus.of("x", TaskState.LOST, T0))).isEmpty();
        assertThat(store.fetchTask(t.name())).contains(t);
    }

    @Test
    void relaunchReplacesTheRecordAndItsStatus() {
        TaskRecord first = running(task("hello", 0));
        store.storeTasks(List.of(first));
        TaskRecord second = new TaskRecord("hello-0-server__2", first.name(), "hello", 0, first.agentId(),
                "config-2", first.resourceIds(), first.volumeIds(), first.labels(), null);
        store.storeTasks(List.of(second));
        assertThat(store.fetchTasks()).containsExactly(second);
    }

    @Test
    void deleteTasksIgnoresMissingNames() {
        store.storeTasks(List.of(task("hello", 0), task("hello", 1)));
        store.deleteTasks(List.of("hello-0-server", "never-stored"));
        assertThat(store.fetchTaskNames()).containsExactly("hello-1-server");
    }

    @Test
    void goalOverridesArePerPodInstance() {
        store.storeGoalOverride("hello-0", GoalOverride.of(GoalOverride.Kind.PAUSED));
        store.storeGoalOverride("hello-1", GoalOverride.of(GoalOverride.Kind.STOPPED)
                .withProgress(GoalOverride.Progress.COMPLETE));
        assertThat(store.fetchGoalOverride("hello-0"))
                .contains(new GoalOverride(GoalOverride.Kind.PAUSED, GoalOverride.Progress.PENDING));
        assertThat(store.fetchGoalOverrides()).containsOnlyKeys("hello-0", "hello-1");
        assertThat(store.clearGoalOverride("hello-0")).isTrue();
        assertThat(store.clearGoalOverride("hello-0")).isFalse();
        assertThat(store.fetchGoalOverride("hello-0")).isEmpty();
    }

    @Test
    void taskNamesThatAreNotPathSegmentsAreEncoded() {
        TaskRecord odd = new TaskRecord("id", "group/pod 0 ✓", "group/pod", 0, "agent", "c", null, null, null, null);
        store.storeTasks(List.of(odd));
        assertThat(store.fetchTaskNames()).containsExactly("group/pod 0 ✓");
        assertThat(persister.children(StateStore.TASKS)).containsExactly("group%2Fpod%200%20%E2%9C%93");
    }

    @Test
    void damagedRecordsAreReportedAsCorrupt() {
        persister.set("/tasks/broken", "{not json".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> store.fetchTask("broken"))
                .isInstanceOf(PersisterException.class)
                .hasMessageContaining("/tasks/broken")
                .satisfies(e -> assertThat(((PersisterException) e).reason())
                        .isEqualTo(PersisterException.Reason.CORRUPT));
    }

    @Test
    void recordsValidateThemselves() {
        assertThatThrownBy(() -> task("hello", 0).withStatus(TaskStatus.of("other", TaskState.RUNNING, T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaskRecord("id", "n", "p", -1, "a", "c", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
