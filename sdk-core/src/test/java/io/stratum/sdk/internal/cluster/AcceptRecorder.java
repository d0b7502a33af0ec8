package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Accepts operations on a cluster's first agent, each on a fresh offer, and keeps what became of
 * them: the refusals, and the tasks launched (whose ids are in use from then on).
 */
public final class AcceptRecorder implements AcceptListener {
    final List<String> refusals = new ArrayList<>();
    final List<String> launched = new ArrayList<>();

    /**
     * Accepts {@code operation}, given the id of a fresh offer of the cluster's first agent.
     *
     * @return the refusal, or null if it applied
     */
    public String accept(ClusterCore cluster, Function<String, Operation> operation) {
        String offerId = cluster.offers().send(Instant.EPOCH, true).offers().get(0).id();
        int before = refusals.size();
        cluster.accept(List.of(offerId), List.of(operation.apply(offerId)), this);
        return refusals.size() > before ? refusals.get(before) : null;
    }

    @Override
    public String refusal(TaskLaunch task) {
        return launched.contains(task.taskId()) ? "task id " + task.taskId() + " is in use already" : null;
    }

    @Override
    public void refused(AgentLedger agent, Operation operation, String reason) {
        refusals.add(reason);
    }

    @Override
    public void applied(AgentLedger agent, Operation operation) {}

    @Override
    public void launched(AgentLedger agent, Operation.Launch launch) {
        launch.tasks().forEach(t -> launched.add(t.taskId()));
    }
}
