package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.discovery.PodAddress;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the task records say about replacements ({@code pod replace}, a permanent failure): which
 * instances are being replaced, so that a restarted scheduler goes on replacing them (the recovery
 * plan lives in memory), and the address a replacement moves the instance off, for its launch's
 * {@code STRATUM_REPLACED_ADDRESS}. The replacement's own records, once stored, replace the marked
 * ones and carry that address themselves ({@link TaskLabels#REPLACED}).
 */
final class Replacements {
    private static final String REPLACE = PodRequest.Kind.REPLACE.name().toLowerCase();

    private Replacements() {}

    /**
     * @param pod     the instance's pod spec in the target
     * @param records the instance's records
     * @return whether the instance is being replaced: a record of a task the pod has is marked, or
     *     every record is of a replacement's launch the cluster never applied (it still has to be placed)
     * @see RelaunchMarks
     */
    static boolean pending(PodSpec pod, List<TaskRecord> records) {
        if (records.stream().anyMatch(r -> RelaunchMarks.replacing(pod, r))) {
            return true;
        }
        return !records.isEmpty() && records.stream()
                .allMatch(r -> PodRequests.neverApplied(r) && REPLACE.equals(r.labels().get(TaskLabels.PLACEMENT)));
    }

    /**
     * @param target  the target config
     * @param pod     the instance's pod spec in the target
     * @param index   the instance's index
     * @param records the instance's records before its replacement's launch is stored
     * @return the address the replacement moves the instance off: where the records place it, or,
     *     when they are of an earlier try of the replacement that the cluster never applied, the
     *     address that try replaced; empty if none is known
     */
    static Optional<String> replacedAddress(ServiceSpec target, PodSpec pod, int index, List<TaskRecord> records) {
        Optional<String> placed = new Discovery(target, instance -> records).address(pod, index).map(PodAddress::host);
        if (placed.isPresent()) {
            return placed;
        }
        return records.stream().map(r -> r.labels().get(TaskLabels.REPLACED)).filter(Objects::nonNull).findFirst();
    }
}
