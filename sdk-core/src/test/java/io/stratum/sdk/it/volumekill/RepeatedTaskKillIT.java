package io.stratum.sdk.it.volumekill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.Processes;
import io.stratum.sdk.it.RunLedger;
import io.stratum.sdk.it.ServiceApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task with a persistent volume killed (SIGKILL) again and again: each time it is relaunched in
 * place, on the same volume; at the end every run's line is on the volume ({@value #KILLS} kills,
 * {@value #KILLS} + 1 runs), and no two runs overlapped ({@link RunLedger}: a run that finds the
 * previous one still holding the volume's lock records an overlap). Prints
 * {@code FIGURE task-kill-to-running} (the longest, backoff included) and the lines lost (0).
 */
class RepeatedTaskKillIT {
    private static final int KILLS = 5;

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    @Test
    void everyRunOfATaskKilledRepeatedlyIsOnItsVolumeAndNoTwoRunsOverlapped() throws Exception {
        Path workDir = dir.resolve("work");
        LocalServices.Started service = services.start(
                LocalServices.load(LocalServices.writeSpec(dir.resolve("spec"), RunLedger.spec("repeat", 1))), workDir);
        ServiceApi api = service.api();
        LocalServices.awaitDeployComplete(api);
        RunLedger ledger = new RunLedger(workDir);
        Map<Path, String> before = ledger.snapshot();
        double longest = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            ServiceApi.Task main = running(api);
            services.track(main.pid());
            long killed = System.nanoTime();
            new ProcessBuilder("kill", "-KILL", Long.toString(main.pid())).start().waitFor();
            await("relaunched after kill " + kill).atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                    .until(() -> {
                        ServiceApi.Task now = running(api);
                        return now != null && now.pid() != main.pid() && !Processes.alive(main.pid());
                    });
            longest = Math.max(longest, (System.nanoTime() - killed) / 1e9);
            before = ledger.assertNothingLostSince(before);
        }
        await("the last run recorded").atMost(LocalServices.WAIT).pollInterval(LocalServices.POLL)
                .until(() -> ledger.runCounts().values().stream().anyMatch(n -> n == KILLS + 1));
        ledger.assertNothingLostSince(before);
        assertThat(ledger.runCounts().values()).as("main's runs on its volume: %s", ledger.describe())
                .contains((long) KILLS + 1);
        System.out.printf("FIGURE task-kill-to-running (SIGKILL of a task with a volume, longest of %d, backoff included): %.2f s%n",
                KILLS, longest);
        System.out.println("FIGURE lines lost from the volume after " + KILLS + " task kills: 0");
    }

    /** @return app-0's main task if it runs with a live process and is ready, else null */
    private static ServiceApi.Task running(ServiceApi api) {
        return api.tasks("app-0").stream().filter(t -> t.name().equals("app-0-main"))
                .filter(t -> t.state().equals("RUNNING") && Processes.alive(t.pid())).findFirst().orElse(null);
    }
}
