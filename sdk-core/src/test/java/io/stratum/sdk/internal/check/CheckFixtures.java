package io.stratum.sdk.internal.check;

import io.stratum.sdk.spec.CheckProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Contexts, timings and a recording listener for check tests. */
final class CheckFixtures {
    static final String HOST = "127.0.0.1";

    private CheckFixtures() {}

    static CheckContext context(Path sandbox, Map<String, String> env, Map<String, Integer> ports) {
        return new CheckContext("task-1", Instant.now(), new CheckContext.Sandbox(sandbox, env),
                new CheckContext.Address(HOST, ports));
    }

    static CheckContext context(Path sandbox) {
        return context(sandbox, Map.of("PATH", "/usr/bin:/bin"), Map.of());
    }

    /** Probes every {@code intervalMillis}, from the start, each bounded by {@code timeoutMillis}, no grace. */
    static CheckTiming every(long intervalMillis, long timeoutMillis, int maxConsecutiveFailures) {
        return new CheckTiming(Duration.ZERO, Duration.ofMillis(intervalMillis), Duration.ofMillis(timeoutMillis),
                Duration.ZERO, maxConsecutiveFailures);
    }

    static RunningCheck start(CheckRunner runner, CheckKind kind, CheckProbe probe, CheckTiming timing,
            CheckContext context, CheckListener listener) {
        return ((DefaultCheckRunner) runner).start(kind, probe, timing, context, listener);
    }

    /** Records every result. */
    static final class Recorder implements CheckListener {
        final List<CheckResult> results = new CopyOnWriteArrayList<>();

        @Override
        public void onResult(CheckResult result) {
            results.add(result);
        }

        List<CheckResult.Verdict> verdicts() {
            return results.stream().map(CheckResult::verdict).toList();
        }

        CheckResult last() {
            return results.get(results.size() - 1);
        }
    }
}
