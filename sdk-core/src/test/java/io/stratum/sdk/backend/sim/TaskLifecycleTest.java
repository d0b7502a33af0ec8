package io.stratum.sdk.backend.sim;

import static io.stratum.sdk.backend.sim.SimFixtures.cpus;
import static io.stratum.sdk.backend.sim.SimFixtures.launch;
import static io.stratum.sdk.backend.sim.SimFixtures.seconds;
import static io.stratum.sdk.backend.sim.SimFixtures.started;
import static io.stratum.sdk.backend.sim.SimFixtures.task;
import static io.stratum.sdk.backend.TaskState.FAILED;
import static io.stratum.sdk.backend.TaskState.FINISHED;
import static io.stratum.sdk.backend.TaskState.KILLED;
import static io.stratum.sdk.backend.TaskState.KILLING;
import static io.stratum.sdk.backend.TaskState.LOST;
import static io.stratum.sdk.backend.TaskState.RUNNING;
import static io.stratum.sdk.backend.TaskState.STARTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import io.stratum.sdk.backend.sim.SimCluster.KillRequest;
import org.junit.jupiter.api.Test;

/** Default rules, scripts, commands and kills. */
class TaskLifecycleTest {
    private final SimFixtures.Started sim = started(1);

    private TaskLaunch run(int index, String name, Goal goal, boolean checks) {
        Offer offer = sim.offer("agent-1");
        TaskLaunch task = task(index, name, goal, checks, cpus(0.5));
        sim.accept(offer, launch(offer, task));
        return task;
    }

    private TaskLaunch run(String name) {
        return run(0, name, Goal.RUNNING, false);
    }

    @Test
    void aTaskStartsThenRuns() {
        TaskLaunch task = run("server");

        assertThat(sim.listener().states(task.taskId())).containsExactly(STARTING, RUNNING);
        TaskStatusUpdate running = sim.listener().last(task.taskId());
        assertThat(running.agentId()).contains("agent-1");
        assertThat(running.ackId()).isPresent();
        assertThat(running.status().readiness()).isEqualTo(CheckState.UNKNOWN);
        assertThat(running.status().timestamp()).isEqualTo(sim.clock().instant());
        assertThat(sim.cluster().task(task.taskId())).get().extracting(SimTask::state).isEqualTo(RUNNING);
    }

    @Test
    void theRunningUpdatePassesTheChecksTheTaskHas() {
        TaskLaunch task = run(0, "server", Goal.RUNNING, true);

        TaskStatus running = sim.listener().last(task.taskId()).status();
        assertThat(running.readiness()).isEqualTo(CheckState.PASSED);
        assertThat(running.health()).isEqualTo(CheckState.PASSED);
        assertThat(sim.listener().updates.get(0).status().readiness()).as("not while STARTING")
                .isEqualTo(CheckState.UNKNOWN);
    }

    @Test
    void finishAndOnceTasksExitWithStatusZero() {
        TaskLaunch finish = run(0, "init", Goal.FINISH, false);
        TaskLaunch once = run(1, "init", Goal.ONCE, false);

        assertThat(sim.listener().states(finish.taskId())).containsExactly(STARTING, RUNNING, FINISHED);
        assertThat(sim.listener().states(once.taskId())).containsExactly(STARTING, RUNNING, FINISHED);
        assertThat(sim.listener().last(once.taskId()).status().message()).isEqualTo("exited with status 0");
    }

    @Test
    void aScriptedTaskFailsAsTold() {
        sim.cluster().script("node-0-", TaskBehaviour.failOnStart("exit 1"));

        TaskLaunch scripted = run("server");
        TaskLaunch other = run(1, "server", Goal.RUNNING, false);

        assertThat(sim.listener().states(scripted.taskId())).containsExactly(STARTING, FAILED);
        assertThat(sim.listener().last(scripted.taskId()).status().message()).isEqualTo("exit 1");
        assertThat(sim.listener().states(other.taskId())).containsExactly(STARTING, RUNNING);
    }

    @Test
    void aScriptOnceAppliesToTheNextMatchingLaunchOnly() {
        sim.cluster().scriptOnce("server", TaskBehaviour.stayStarting());

        TaskLaunch first = run(0, "server", Goal.RUNNING, false);
        TaskLaunch second = run(1, "server", Goal.RUNNING, false);

        assertThat(sim.listener().states(first.taskId())).containsExactly(STARTING);
        assertThat(sim.listener().states(second.taskId())).containsExactly(STARTING, RUNNING);
    }

    @Test
    void theLatestScriptWinsAndFunctionsCanScriptAnyLaunch() {
        sim.cluster().script("server", TaskBehaviour.failOnStart("old"));
        sim.cluster().script(l -> l.podInstance().equals("node-0") ? TaskBehaviour.states(STARTING, LOST) : null);

        assertThat(sim.listener().states(run("server").taskId())).containsExactly(STARTING, LOST);
        sim.cluster().clearScripts();
        assertThat(sim.listener().states(run(1, "server", Goal.RUNNING, false).taskId())).containsExactly(STARTING, RUNNING);
    }

    @Test
    void aReadinessCheckCanBeScriptedToFail() {
        sim.cluster().script("server", TaskBehaviour.failReadiness());

        TaskLaunch task = run(0, "server", Goal.RUNNING, true);

        TaskStatus running = sim.listener().last(task.taskId()).status();
        assertThat(running.state()).isEqualTo(RUNNING);
        assertThat(running.readiness()).isEqualTo(CheckState.FAILED);
        assertThat(running.health()).isEqualTo(CheckState.PASSED);
    }

    @Test
    void delayedStepsWaitForTheClock() {
        sim.cluster().script("server", TaskBehaviour.stayStarting().thenAfter(seconds(10), RUNNING, "")
                .thenAfter(seconds(5), FAILED, "crashed"));
        TaskLaunch task = run("server");

        assertThat(sim.listener().states(task.taskId())).containsExactly(STARTING);
        sim.clock().advance(seconds(10));
        assertThat(sim.cluster().deliver()).isEqualTo(1);
        sim.clock().advance(seconds(60));
        assertThat(sim.cluster().tick()).isEqualTo(1);
        sim.cluster().deliver();

        assertThat(sim.listener().states(task.taskId())).containsExactly(STARTING, RUNNING, FAILED);
        assertThat(sim.listener().last(task.taskId()).status().timestamp()).isEqualTo(sim.clock().instant());
    }

    @Test
    void killingReportsKillingThenKilledAndDropsTheScriptsRest() {
        sim.cluster().script("server", TaskBehaviour.stayStarting().thenAfter(seconds(10), RUNNING, ""));
        TaskLaunch task = run("server");

        sim.cluster().kill(task.taskId(), seconds(30));
        sim.clock().advance(seconds(60));
        sim.cluster().deliver();

        assertThat(sim.listener().states(task.taskId())).containsExactly(STARTING, KILLING, KILLED);
        assertThat(sim.cluster().kills()).singleElement().extracting(KillRequest::gracePeriod).isEqualTo(seconds(30));
    }

    @Test
    void killingAnUnknownTaskReportsItLost() {
        sim.cluster().kill("ghost__1", seconds(1));
        sim.cluster().deliver();

        assertThat(sim.listener().last("ghost__1")).satisfies(u -> {
            assertThat(u.status().state()).isEqualTo(LOST);
            assertThat(u.ackId()).isEmpty();
        });
    }

    @Test
    void killingAFinishedTaskReportsNothing() {
        TaskLaunch task = run(0, "init", Goal.FINISH, false);

        sim.cluster().kill(task.taskId(), seconds(1));
        sim.cluster().deliver();

        assertThat(sim.listener().states(task.taskId())).containsExactly(STARTING, RUNNING, FINISHED);
    }

    @Test
    void commandsMoveLiveTasks() {
        TaskLaunch a = run(0, "server", Goal.RUNNING, true);
        TaskLaunch b = run(1, "server", Goal.RUNNING, true);

        sim.cluster().setHealth(a.taskId(), CheckState.FAILED);
        sim.cluster().setReadiness(b.taskId(), CheckState.FAILED);
        sim.cluster().finish(b.taskId());
        sim.cluster().fail(a.taskId(), "oom");
        sim.cluster().deliver();

        assertThat(sim.listener().states(a.taskId())).containsExactly(STARTING, RUNNING, RUNNING, FAILED);
        assertThat(sim.listener().last(a.taskId()).status()).extracting(TaskStatus::health, TaskStatus::message)
                .containsExactly(CheckState.FAILED, "oom");
        assertThat(sim.listener().last(b.taskId()).status()).extracting(TaskStatus::state, TaskStatus::readiness)
                .containsExactly(FINISHED, CheckState.FAILED);
    }

    @Test
    void commandsRefuseUnknownAndEndedTasks() {
        TaskLaunch task = run("server");
        sim.cluster().fail(task.taskId(), "gone");

        assertThatThrownBy(() -> sim.cluster().finish(task.taskId())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FAILED already");
        assertThatThrownBy(() -> sim.cluster().update("nope", TaskState.RUNNING, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
