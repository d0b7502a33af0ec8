package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.LocalFixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.internal.check.CheckContext;
import io.stratum.sdk.internal.check.CheckKind;
import io.stratum.sdk.internal.check.CheckResult;
import io.stratum.sdk.internal.check.CheckRunner;
import io.stratum.sdk.internal.check.RunningCheck;
import io.stratum.sdk.spec.CheckProbe;
import io.stratum.sdk.spec.CheckSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two building blocks together, as the backend will use them: a health check of a launched
 * task, run in its sandbox with its environment, whose UNHEALTHY verdict kills the task.
 */
class HealthKillIT {
    @RegisterExtension
    final LocalFixtures fixtures = new LocalFixtures();
    private final TaskLauncher launcher = fixtures.launcher();

    @Test
    void anUnhealthyTaskIsKilled() throws Exception {
        Map<String, String> env = Map.of("HEALTH_FILE", "healthy");
        TaskProcess task = fixtures.launch(launcher, "server", "touch \"$HEALTH_FILE\"; sleep 1; rm \"$HEALTH_FILE\"; exec sleep 1000",
                env, Map.of());
        CheckContext context = new CheckContext(task.taskId(), task.startTime(),
                new CheckContext.Sandbox(task.sandbox().dir(), new TaskEnvironment(System.getenv()).forTask(env, task.sandbox())),
                new CheckContext.Address("127.0.0.1", Map.of()));
        CheckSpec spec = new CheckSpec(new CheckProbe.Command("test -f \"$HEALTH_FILE\""), 1, 0, 1, 0, 1);
        List<CheckResult> results = new CopyOnWriteArrayList<>();

        try (CheckRunner checks = CheckRunner.builder().withScheduler(fixtures.scheduler).build();
                RunningCheck health = checks.start(CheckKind.HEALTH, spec, context, result -> {
                    results.add(result);
                    if (result.verdict() == CheckResult.Verdict.UNHEALTHY) {
                        task.kill(Duration.ofSeconds(5));
                    }
                })) {
            TaskExit exit = task.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(exit.killed()).isTrue();
            assertThat(results).extracting(CheckResult::verdict).endsWith(CheckResult.Verdict.UNHEALTHY);
            assertThat(health.isDone()).isTrue();
        }
    }
}
