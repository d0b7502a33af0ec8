package io.stratum.sdk.internal.check;

import static io.stratum.sdk.internal.check.CheckFixtures.context;
import static io.stratum.sdk.internal.check.CheckFixtures.every;
import static io.stratum.sdk.internal.check.CheckFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.internal.process.ProcStat;
import io.stratum.sdk.spec.CheckProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandCheckIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path sandbox;

    private final CheckRunner runner = CheckRunner.builder().build();
    private final CheckFixtures.Recorder recorder = new CheckFixtures.Recorder();

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void aCommandPassesOnExitZeroInTheSandboxWithTheTasksEnvironment() throws IOException {
        Files.writeString(sandbox.resolve("marker"), "here");
        CheckContext context = context(sandbox, Map.of("PATH", "/usr/bin:/bin", "GREETING", "hello"), Map.of());

        start(runner, CheckKind.READINESS, new CheckProbe.Command("cat marker && [ \"$GREETING\" = hello ] && [ -z \"$JAVA_HOME\" ]"),
                every(100, 5_000, 1), context, recorder);

        await().atMost(WAIT).until(() -> !recorder.results.isEmpty());
        assertThat(recorder.last().verdict()).isEqualTo(CheckResult.Verdict.READY);
        assertThat(recorder.last().output()).isEqualTo("exit 0: here");
    }

    @Test
    void aCommandFailsOnANonZeroExitWithItsOutput() {
        start(runner, CheckKind.HEALTH, new CheckProbe.Command("echo broken >&2; exit 3"), every(100, 5_000, 5),
                context(sandbox), recorder);

        await().atMost(WAIT).until(() -> !recorder.results.isEmpty());
        assertThat(recorder.results.get(0).passed()).isFalse();
        assertThat(recorder.results.get(0).output()).isEqualTo("exit 3: broken");
        assertThat(sandbox.resolve(".stratum/health-check.out")).hasContent("broken");
    }

    @Test
    void aCommandThatOverrunsIsKilledWithItsWholeProcessGroup() {
        start(runner, CheckKind.HEALTH, new CheckProbe.Command("sleep 30 & echo $! > grandchild; sleep 30"),
                every(10_000, 300, 1), context(sandbox), recorder);

        await().atMost(WAIT).until(() -> !recorder.results.isEmpty());
        assertThat(recorder.last().verdict()).isEqualTo(CheckResult.Verdict.UNHEALTHY);
        assertThat(recorder.last().output()).isEqualTo("timed out after 300ms");
        long grandchild = Long.parseLong(readString(sandbox.resolve("grandchild")).strip());
        await().atMost(WAIT).until(() -> ProcStat.read(grandchild).filter(ProcStat::isLiving).isEmpty());
    }

    @Test
    void closingACheckKillsTheCommandInFlightAndReportsNothingMore() {
        RunningCheck check = start(runner, CheckKind.HEALTH, new CheckProbe.Command("echo $$ > pid; exec sleep 30"),
                every(100, 30_000, 1), context(sandbox), recorder);
        await().atMost(WAIT).until(() -> Files.exists(sandbox.resolve("pid")) && !readString(sandbox.resolve("pid")).isBlank());
        long pid = Long.parseLong(readString(sandbox.resolve("pid")).strip());

        check.close();

        assertThat(check.isDone()).isTrue();
        await().atMost(WAIT).until(() -> ProcStat.read(pid).filter(ProcStat::isLiving).isEmpty());
        assertThat(recorder.results).isEmpty();
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return "";
        }
    }
}
