package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.plan.RecoveryType;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.spec.PodSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator's relaunch of a pod instance, marked on the instance's task records before its tasks
 * are killed: {@link TaskLabels#RESTARTING} for a relaunch in place ({@code pod restart},
 * {@code pause}, {@code resume}), {@link TaskLabels#REPLACING} for a replacement ({@code pod replace},
 * a permanent failure). The recovery plan lives in memory, and a killed task's end is not a failure,
 * so without the mark a scheduler restarted before the relaunch would leave the instance down (or,
 * when the kill never reached the task, drop the command). The relaunch's own records, once stored,
 * replace the marked ones (they carry no mark), which ends it.
 */
final class RelaunchMarks {
    private RelaunchMarks() {}

    /**
     * @param records a pod instance's records
     * @param type    the relaunch decided now: in place (TRANSIENT) or a replacement (PERMANENT); it
     *                calls off the other kind decided before
     * @return the records whose marks change, marked for {@code type} only
     */
    static List<TaskRecord> marked(List<TaskRecord> records, RecoveryType type) {
        String mark = type == RecoveryType.PERMANENT ? TaskLabels.REPLACING : TaskLabels.RESTARTING;
        String other = type == RecoveryType.PERMANENT ? TaskLabels.RESTARTING : TaskLabels.REPLACING;
        return records.stream().filter(r -> !has(r, mark) || has(r, other)).map(r -> {
            Map<String, String> labels = new HashMap<>(r.labels());
            labels.put(mark, "true");
            labels.remove(other);
            return r.withLabels(labels);
        }).toList();
    }

    /** @return whether the record's task is part of a relaunch an operator decided: its end was asked for */
    static boolean isMarked(TaskRecord record) {
        return has(record, TaskLabels.RESTARTING) || has(record, TaskLabels.REPLACING);
    }

    /** @return whether the record, of a task {@code pod} still has, is marked for a replacement */
    static boolean replacing(PodSpec pod, TaskRecord record) {
        return has(record, TaskLabels.REPLACING) && pod.task(record.taskName()) != null;
    }

    /** @return whether the record, of a task {@code pod} still has, is marked for a relaunch in place */
    static boolean restarting(PodSpec pod, TaskRecord record) {
        return has(record, TaskLabels.RESTARTING) && pod.task(record.taskName()) != null;
    }

    private static boolean has(TaskRecord record, String mark) {
        return "true".equals(record.labels().get(mark));
    }
}
