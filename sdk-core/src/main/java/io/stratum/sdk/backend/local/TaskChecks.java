package io.stratum.sdk.backend.local;

import io.stratum.sdk.internal.check.CheckContext;
import io.stratum.sdk.internal.check.CheckKind;
import io.stratum.sdk.internal.check.CheckListener;
import io.stratum.sdk.internal.check.CheckResult;
import io.stratum.sdk.internal.check.CheckRunner;
import io.stratum.sdk.internal.check.RunningCheck;
import io.stratum.sdk.spec.CheckSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * Starts a task's health and readiness checks (the readiness check only until it has passed once)
 * and hands their results to the backend's thread. HTTP and TCP checks connect to the agent's
 * address; command checks run in the sandbox with the task's environment. The health grace period
 * counts from the process's start, so a re-adopted task gets none afresh.
 *
 * @param runner        runs the checks
 * @param environment   the host variables a command check gets with the task's own
 * @param backendThread where results are handed over
 */
record TaskChecks(CheckRunner runner, TaskEnvironment environment, Executor backendThread) {
    private static final System.Logger LOG = System.getLogger(TaskChecks.class.getName());

    /** Starts the task's checks; each result goes to {@code onResult} on the backend's thread. */
    void start(LocalTask task, BiConsumer<LocalTask, CheckResult> onResult) {
        TaskProcess process = task.process().orElseThrow();
        LaunchRecord record = task.record();
        Map<String, String> env = environment.forTask(record.environment(), process.sandbox());
        CheckContext context = new CheckContext(record.taskId(), process.startTime(),
                new CheckContext.Sandbox(process.sandbox().dir(), env), new CheckContext.Address(task.agent().address(),
                record.ports()));
        CheckListener listener = result -> {
            try {
                backendThread.execute(() -> onResult.accept(task, result));
            } catch (RejectedExecutionException e) {
                // the backend is closing
            }
        };
        List<RunningCheck> started = new ArrayList<>(2);
        start(CheckKind.HEALTH, record.healthCheck(), context, listener, started);
        if (!record.ready()) {
            start(CheckKind.READINESS, record.readinessCheck(), context, listener, started);
        }
        task.checks(started);
    }

    private void start(CheckKind kind, CheckSpec spec, CheckContext context, CheckListener listener,
            List<RunningCheck> started) {
        if (spec == null) {
            return;
        }
        try {
            started.add(runner.start(kind, spec, context, listener));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot check " + context.taskId() + ": " + e.getMessage(), e);
        }
    }
}
