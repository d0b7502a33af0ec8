package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.internal.state.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reconciliation at (re)registration: explicit first (every task the state store thinks alive,
 * whose answers the scheduler waits for before it launches anything), then implicit (every task
 * the cluster knows, so strays are found and killed). A backend that never answers for some task
 * must not stop the scheduler for good: after a timeout it goes on. Owned by the scheduler loop.
 */
final class Reconciliation {
    private static final System.Logger LOG = System.getLogger(Reconciliation.class.getName());
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Set<String> waiting = new LinkedHashSet<>();
    private Instant started = Instant.MIN;

    void start(Collection<TaskRecord> tasks, ClusterBackend backend, Instant now) {
        waiting.clear();
        tasks.stream().filter(Kills::isLive).forEach(r -> waiting.add(r.taskId()));
        started = now;
        backend.reconcile(List.copyOf(waiting));
        backend.reconcile(List.of());
    }

    void answered(String taskId) {
        waiting.remove(taskId);
    }

    /** @return whether explicit answers are still awaited (giving up after the timeout) */
    boolean inProgress(Instant now) {
        if (!waiting.isEmpty() && now.isAfter(started.plus(TIMEOUT))) {
            LOG.log(System.Logger.Level.WARNING, "no reconciliation answer for " + waiting.size()
                    + " task(s) after " + TIMEOUT.toSeconds() + " s; going on");
            waiting.clear();
        }
        return !waiting.isEmpty();
    }
}
