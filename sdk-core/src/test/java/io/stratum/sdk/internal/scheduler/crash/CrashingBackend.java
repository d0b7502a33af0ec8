package io.stratum.sdk.internal.scheduler.crash;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Operation;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A scheduler's calls to the cluster, cut when the scheduler dies in the middle of its
 * {@code crashAt}-th accept: after storing the launch's task records, before the accept reached
 * the cluster. From then on nothing of this scheduler reaches the cluster, and (through
 * {@code onCrash}) nothing of the cluster reaches it.
 */
final class CrashingBackend implements ClusterBackend {
    private final ClusterBackend cluster;
    private final int crashAt;
    private final Runnable onCrash;
    private int accepts;
    private boolean crashed;

    CrashingBackend(ClusterBackend cluster, int crashAt, Runnable onCrash) {
        this.cluster = cluster;
        this.crashAt = crashAt;
        this.onCrash = onCrash;
    }

    boolean crashed() {
        return crashed;
    }

    /** @return the accepts that reached the cluster */
    int accepts() {
        return crashed ? accepts - 1 : accepts;
    }

    @Override
    public void start(Optional<String> frameworkId, BackendListener listener) {
        cluster.start(frameworkId, listener);
    }

    @Override
    public void accept(Collection<String> offerIds, List<Operation> operations) {
        if (crashed) {
            return;
        }
        if (++accepts == crashAt) {
            crashed = true;
            onCrash.run();
            return;
        }
        cluster.accept(offerIds, operations);
    }

    @Override
    public void decline(Collection<String> offerIds, Duration refuseFor) {
        unlessCrashed(() -> cluster.decline(offerIds, refuseFor));
    }

    @Override
    public void kill(String taskId, Duration gracePeriod) {
        unlessCrashed(() -> cluster.kill(taskId, gracePeriod));
    }

    @Override
    public void reconcile(Collection<String> taskIds) {
        unlessCrashed(() -> cluster.reconcile(taskIds));
    }

    @Override
    public void suppress() {
        unlessCrashed(cluster::suppress);
    }

    @Override
    public void revive() {
        unlessCrashed(cluster::revive);
    }

    @Override
    public void acknowledge(TaskStatusUpdate update) {
        unlessCrashed(() -> cluster.acknowledge(update));
    }

    /** Passes {@code call} to the cluster unless this scheduler has crashed. */
    private void unlessCrashed(Runnable call) {
        if (!crashed) {
            call.run();
        }
    }

    @Override
    public void close() {
        // the cluster outlives its schedulers
    }
}
