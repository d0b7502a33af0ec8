package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.state.TaskRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Tasks the scheduler kills on purpose (restart, replace, pause, config update): each is killed
 * once, with its spec's grace period, and its end is not taken for a failure. Which kills were asked
 * for is kept in memory; an operator's relaunch also marks its records, so that a restarted
 * scheduler knows too. Owned by the scheduler loop.
 */
final class Kills {
    private final ClusterBackend backend;
    private final TaskCache tasks;
    private final Function<TaskRecord, Duration> grace;
    private final Set<String> requested = new HashSet<>();

    Kills(ClusterBackend backend, TaskCache tasks, Function<TaskRecord, Duration> grace) {
        this.backend = backend;
        this.tasks = tasks;
        this.grace = grace;
    }

    /** @return whether the record's task may run: launched, and no terminal status heard */
    static boolean isLive(TaskRecord record) {
        return !TaskLabels.isReservation(record) && record.lastStatus().map(s -> !s.state().isTerminal()).orElse(true);
    }

    /** Kills every live task among {@code records} (once each). */
    void killAll(List<TaskRecord> records) {
        records.stream().filter(Kills::isLive).forEach(this::kill);
    }

    private void kill(TaskRecord record) {
        if (requested.add(record.taskId())) {
            backend.kill(record.taskId(), grace.apply(record));
        }
    }

    /**
     * @return whether the record's task was killed on purpose: by this scheduler, and it has not
     *     ended yet, or for an operator's relaunch that is still to come (marked on the record, so
     *     also known after a restart of the scheduler: {@link RelaunchMarks})
     */
    boolean wasRequested(TaskRecord record) {
        return requested.contains(record.taskId()) || RelaunchMarks.isMarked(record);
    }

    /** The task ended; @return whether it was one we killed */
    boolean ended(String taskId) {
        return requested.remove(taskId);
    }

    /**
     * A step relaunching tasks that still run (a config update, a restart) first kills them: their
     * reservations come back in offers once they have ended, and the step launches then.
     *
     * @return the candidates whose tasks are all gone; never a step that launches nothing (a
     *     decommission's removal, which kills its instance's tasks itself)
     */
    List<Step> withoutLiveTasks(List<Step> candidates) {
        List<Step> ready = new ArrayList<>();
        for (Step step : candidates) {
            if (step.reservesOnly()) { // it never relaunches anything
                ready.add(step);
                continue;
            }
            if (step.launches().isEmpty()) {
                continue;
            }
            boolean live = false;
            for (String task : step.tasks()) {
                Optional<TaskRecord> record = tasks.byName(step.podInstance().taskName(task));
                if (record.isPresent() && isLive(record.get())) {
                    live = true;
                    kill(record.get());
                }
            }
            if (!live) {
                ready.add(step);
            }
        }
        return ready;
    }
}
