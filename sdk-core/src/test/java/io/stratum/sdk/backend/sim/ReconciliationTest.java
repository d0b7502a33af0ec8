package io.stratum.sdk.backend.sim;

import static io.stratum.sdk.backend.sim.SimFixtures.cpus;
import static io.stratum.sdk.backend.sim.SimFixtures.launch;
import static io.stratum.sdk.backend.sim.SimFixtures.started;
import static io.stratum.sdk.backend.sim.SimFixtures.task;
import static io.stratum.sdk.backend.TaskState.FINISHED;
import static io.stratum.sdk.backend.TaskState.LOST;
import static io.stratum.sdk.backend.TaskState.RUNNING;
import static io.stratum.sdk.backend.TaskState.STARTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.spec.Goal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Acknowledgements, redelivery, and explicit and implicit reconciliation. */
class ReconciliationTest {
    private final SimFixtures.Started sim = started(1);

    private TaskLaunch run(int index, Goal goal) {
        Offer offer = sim.offer("agent-1");
        TaskLaunch task = task(index, "server", goal, false, cpus(0.5));
        sim.accept(offer, launch(offer, task));
        return task;
    }

    private List<TaskStatusUpdate> newUpdates(Runnable action) {
        int before = sim.listener().updates.size();
        action.run();
        sim.cluster().deliver();
        return sim.listener().updates.subList(before, sim.listener().updates.size());
    }

    @Test
    void updatesWaitForAcknowledgementAndAreRedeliveredUntilThen() {
        TaskLaunch task = run(0, Goal.RUNNING);
        List<TaskStatusUpdate> sent = List.copyOf(sim.listener().updates);
        assertThat(sent).extracting(u -> u.ackId().orElseThrow()).doesNotHaveDuplicates();
        assertThat(sim.cluster().unacknowledged()).isEqualTo(sent);

        sim.cluster().acknowledge(sent.get(0));

        assertThat(newUpdates(sim.cluster()::redeliverUnacked)).containsExactly(sent.get(1));
        sim.cluster().acknowledge(sent.get(1));
        assertThat(newUpdates(sim.cluster()::redeliverUnacked)).isEmpty();
        assertThat(sim.cluster().unacknowledged()).isEmpty();
        assertThat(task.taskId()).isEqualTo(sent.get(1).taskId());
    }

    @Test
    void explicitReconciliationAnswersLatestStatusesWithoutAckIdAndUnknownIdsAsLost() {
        TaskLaunch done = run(0, Goal.FINISH);
        TaskLaunch running = run(1, Goal.RUNNING);
        sim.listener().updates.forEach(sim.cluster()::acknowledge);

        List<TaskStatusUpdate> answers = newUpdates(() -> sim.cluster().reconcile(
                List.of(done.taskId(), running.taskId(), "ghost__1")));

        assertThat(answers).extracting(TaskStatusUpdate::taskId, u -> u.status().state())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(done.taskId(), FINISHED),
                        org.assertj.core.groups.Tuple.tuple(running.taskId(), RUNNING),
                        org.assertj.core.groups.Tuple.tuple("ghost__1", LOST));
        assertThat(answers).allMatch(u -> u.ackId().isEmpty());
        assertThat(answers.get(0).agentId()).contains("agent-1");
        assertThat(answers.get(2).agentId()).isEmpty();
        assertThat(answers.get(2).status().message()).contains("unknown");
    }

    @Test
    void implicitReconciliationAnswersEveryLiveTask() {
        run(0, Goal.FINISH);
        TaskLaunch running = run(1, Goal.RUNNING);
        sim.listener().updates.forEach(sim.cluster()::acknowledge);

        List<TaskStatusUpdate> answers = newUpdates(() -> sim.cluster().reconcile(List.of()));

        assertThat(answers).singleElement().satisfies(u -> {
            assertThat(u.taskId()).isEqualTo(running.taskId());
            assertThat(u.ackId()).isEmpty();
        });
    }

    @Test
    void reconciliationRedeliversUnacknowledgedUpdatesBeforeTheLatestStatus() {
        TaskLaunch task = run(0, Goal.RUNNING);

        List<TaskStatusUpdate> answers = newUpdates(() -> sim.cluster().reconcile(List.of(task.taskId())));

        assertThat(answers).extracting(u -> u.status().state()).containsExactly(STARTING, RUNNING, RUNNING);
        assertThat(answers.get(2).ackId()).isEmpty();
    }

    @Test
    void aRestartedSchedulerGetsTheUpdatesItDidNotAcknowledge() {
        TaskLaunch task = run(0, Goal.RUNNING);
        sim.cluster().acknowledge(sim.listener().updates.get(0));
        sim.cluster().close();
        sim.cluster().fail(task.taskId(), "while the scheduler was away");

        RecordingListener again = new RecordingListener();
        sim.cluster().start(Optional.of("fw-1"), again);
        sim.cluster().deliver();

        assertThat(again.registrations).containsExactly("fw-1");
        assertThat(again.states(task.taskId())).containsExactly(RUNNING, io.stratum.sdk.backend.TaskState.FAILED);
        assertThat(sim.cluster().frameworkId()).contains("fw-1");
    }
}
