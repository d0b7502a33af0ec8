package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.sim.SimCluster.OperationError;
import io.stratum.sdk.internal.cluster.AcceptListener;
import io.stratum.sdk.internal.cluster.AgentLedger;
import io.stratum.sdk.internal.cluster.ClusterCore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The sim cluster's accepts: applied to the {@link ClusterCore} core, counted, refusals recorded as
 * {@link OperationError}s (a refused launch's tasks reported by the master, without ack id), and
 * the tasks of a launch started on their scripts. Mutable; guarded by the cluster's lock.
 */
final class SimAccepts {
    private final ClusterCore cluster;
    private final TaskLifecycle tasks;
    private final Scripts scripts;
    private final Counters counters = new Counters();
    private final List<OperationError> errors = new ArrayList<>();

    SimAccepts(ClusterCore cluster, TaskLifecycle tasks, Scripts scripts) {
        this.cluster = cluster;
        this.tasks = tasks;
        this.scripts = scripts;
    }

    /**
     * Accepts offers of one agent. An offer no longer valid applies nothing, as on Mesos: every
     * operation is refused, and launched tasks are lost ({@code DROPPED}) before the cluster ever
     * knew them.
     */
    void accept(Collection<String> offerIds, List<Operation> operations) {
        String ids = String.join(",", new LinkedHashSet<>(offerIds));
        cluster.accept(offerIds, operations, new Outcomes(ids)).ifPresent(invalid ->
                operations.forEach(op -> refuse(ids, op, invalid, TaskState.DROPPED)));
    }

    OperationCounts counts() {
        return counters.snapshot();
    }

    List<OperationError> errors() {
        return List.copyOf(errors);
    }

    /** Records a refused operation; a refused launch's tasks are reported in {@code state} by the master. */
    private void refuse(String offerIds, Operation op, String problem, TaskState state) {
        counters.refused++;
        errors.add(new OperationError(offerIds, ClusterCore.kind(op), problem));
        if (op instanceof Operation.Launch launch) {
            launch.tasks().forEach(t -> tasks.reportUntracked(t.taskId(), Optional.of(launch.agentId()), state, problem));
        }
    }

    /** The outcomes of one accept's operations. */
    private final class Outcomes implements AcceptListener {
        private final String offerIds;

        Outcomes(String offerIds) {
            this.offerIds = offerIds;
        }

        @Override
        public String refusal(TaskLaunch task) {
            return tasks.isKnown(task.taskId()) ? "task id " + task.taskId() + " is in use already" : null;
        }

        @Override
        public void refused(AgentLedger agent, Operation operation, String reason) {
            refuse(offerIds, operation, reason, TaskState.ERROR);
        }

        @Override
        public void applied(AgentLedger agent, Operation operation) {
            counters.applied(operation);
        }

        @Override
        public void launched(AgentLedger agent, Operation.Launch launch) {
            List<ScriptedTask> started = launch.tasks().stream().map(task -> tasks.register(task, agent.id())).toList();
            counters.applied(launch);
            started.forEach(task -> tasks.start(task, scripts.behaviourFor(task.launch)));
        }
    }
}
