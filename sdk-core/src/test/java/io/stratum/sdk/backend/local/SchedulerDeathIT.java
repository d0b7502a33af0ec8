package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.LocalFixtures.WAIT;
import static io.stratum.sdk.backend.local.LocalFixtures.living;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scheduler's JVM is killed with SIGKILL: its task runs on (no pipe, no signal ties it to the
 * JVM) and a new launcher in another JVM adopts it, a process that is not its child.
 */
class SchedulerDeathIT {
    @RegisterExtension
    final LocalFixtures fixtures = new LocalFixtures();

    @Test
    void aTaskOutlivesItsSchedulerKilledWithSigkillAndIsAdoptedByTheNextOne() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process scheduler = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SchedulerProcess.class.getName(), fixtures.workDir.toString(), "survivor",
                "while [ ! -f stop ]; do sleep 0.05; done; echo still-writing; exit 7")
                .redirectErrorStream(true).start();
        long pid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(scheduler.getInputStream(), StandardCharsets.UTF_8))) {
            String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            assertThat(line).startsWith("launched ");
            pid = Long.parseLong(line.substring("launched ".length()).strip());
            fixtures.track(pid);
        } finally {
            scheduler.destroyForcibly().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS); // kill -9
        }
        assertThat(living(pid)).isTrue();

        Recovery recovery = fixtures.launcher().adopt();

        assertThat(recovery.running()).singleElement().extracting(TaskProcess::pid).isEqualTo(pid);
        TaskProcess adopted = recovery.running().get(0);
        Files.createFile(adopted.sandbox().dir().resolve("stop"));
        TaskExit exit = adopted.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(exit.exitCode()).hasValue(7);
        assertThat(adopted.sandbox().stdout()).hasContent("still-writing");
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
