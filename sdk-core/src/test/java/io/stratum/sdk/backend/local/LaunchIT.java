package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.LocalFixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.internal.process.ProcStat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Launching a task: exit code, environment, output, session. */
class LaunchIT {
    @RegisterExtension
    final LocalFixtures fixtures = new LocalFixtures();
    private final TaskLauncher launcher = fixtures.launcher();

    @Test
    void aTasksExitCodeIsReportedAndRecordedInItsSandbox() throws Exception {
        TaskProcess task = fixtures.launch(launcher, "exits-3", "exit 3");

        TaskExit exit = task.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit.exitCode()).hasValue(3);
        assertThat(exit.killed()).isFalse();
        assertThat(exit.succeeded()).isFalse();
        assertThat(task.sandbox().exitCode()).hasValue(3);
    }

    @Test
    void aTaskSeesItsEnvironmentAndOnlyThePassedThroughPartOfTheSchedulers() throws Exception {
        TaskProcess task = fixtures.launch(launcher, "env", "echo \"$TASK_NAME|$MESOS_SANDBOX|$CLASSPATH\"; [ -n \"$PATH\" ]",
                Map.of("TASK_NAME", "hello-0-server"), Map.of());

        assertThat(task.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(task.sandbox().stdout()).hasContent("hello-0-server|" + task.sandbox().dir() + "|");
    }

    @Test
    void stdoutAndStderrGoToFilesInTheSandboxWhichIsTheWorkingDirectory() throws Exception {
        TaskProcess task = fixtures.launch(launcher, "output", "echo out; echo err >&2; pwd");

        task.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(task.sandbox().dir()).isEqualTo(fixtures.agent.sandbox("output"));
        assertThat(task.sandbox().stdout()).hasContent("out\n" + task.sandbox().dir());
        assertThat(task.sandbox().stderr()).hasContent("err");
    }

    @Test
    void aTaskLeadsItsOwnSessionAndProcessGroup() throws Exception {
        TaskProcess task = fixtures.launch(launcher, "session", "sleep 30");

        // setsid(2) runs in the child after its exec: until then it is still in the JVM's session
        await().atMost(WAIT).until(() -> ProcStat.read(task.pid()).orElseThrow().session() == task.pid());
        ProcStat stat = ProcStat.read(task.pid()).orElseThrow();

        assertThat(stat.session()).isEqualTo(task.pid());
        assertThat(stat.processGroup()).isEqualTo(task.pid());
        assertThat(task.isAlive()).isTrue();
        assertThat(task.adopted()).isFalse();
    }

    @Test
    void aTaskIdIsNeverLaunchedTwice() {
        fixtures.launch(launcher, "once", "true");
        Sandbox other = Sandbox.create(fixtures.agent, "other", Map.of(), Map.of());

        assertThatThrownBy(() -> launcher.launch(new ProcessLaunch("once", "true", Map.of(), other)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("launched already");
        assertThatThrownBy(() -> fixtures.launcher().launch(new ProcessLaunch("once", "true", Map.of(), other)))
                .as("a new launcher knows it from the checkpoint")
                .isInstanceOf(IllegalStateException.class);
    }
}
