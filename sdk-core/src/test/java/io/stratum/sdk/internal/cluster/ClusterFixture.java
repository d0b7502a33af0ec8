package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.backend.LaunchOperation;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.spec.TaskSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link Cluster} of one agent, {@code agent-1}, and what became of the operations accepted on
 * it: each operation is sent on a fresh offer of the agent, and refusals are kept.
 */
final class ClusterFixture implements AcceptListener {
    final Cluster cluster = new Cluster("offer-", OfferBook.Repeat.REPLACE);
    final AgentLedger agent;
    final List<String> refusals = new ArrayList<>();
    final List<String> launched = new ArrayList<>();

    ClusterFixture(Resource... resources) {
        this(AgentJournal.NONE, resources);
    }

    ClusterFixture(AgentJournal journal, Resource... resources) {
        agent = cluster.add(Agent.of("agent-1", "agent-1.test"), List.of(resources), journal);
    }

    /** @return {@code resource} reserved for role {@code role} as {@code resourceId}, for pod instance {@code db-0} */
    static Resource reserved(Resource resource, String resourceId) {
        return resource.withReservation(new Reservation("role", "principal", Map.of(Reservation.RESOURCE_ID, resourceId,
                Reservation.POD_INSTANCE, "db-0")));
    }

    /** @return task {@code <podInstance>-server} with id {@code <name>__1} on {@code resources} */
    static TaskLaunch task(String podInstance, Resource... resources) {
        TaskSpec spec = new TaskSpec("server", Goal.RUNNING, true, "./run", Map.of(), Map.of(), Map.of(), 1.0, null,
                256.0, Map.of(), null, null, Map.of(), null, null, 30, null);
        return new TaskLaunch(podInstance + "-server__1", podInstance, spec, Map.of(), Map.of(), List.of(resources));
    }

    /** @return the agent's offer now (a fresh one) */
    Offer offer() {
        cluster.offers().send(Instant.EPOCH, true);
        return cluster.offers().outstanding().get(0);
    }

    /** Accepts {@code operation} on a fresh offer; @return the refusal, or null if it applied */
    String apply(Function<String, Operation> operation) {
        int before = refusals.size();
        String offerId = offer().id();
        cluster.accept(List.of(offerId), List.of(operation.apply(offerId)), this);
        return refusals.size() > before ? refusals.get(refusals.size() - 1) : null;
    }

    /** Launches {@code task} on a fresh offer; @return the refusal, or null if it launched */
    String launch(TaskLaunch task) {
        return apply(offerId -> new LaunchOperation(offerId, agent.id(), task.podInstance(), List.of(task), List.of()));
    }

    @Override
    public String refusal(TaskLaunch task) {
        return launched.contains(task.taskId()) ? "task id " + task.taskId() + " is in use already" : null;
    }

    @Override
    public void refused(AgentLedger on, Operation operation, String reason) {
        refusals.add(reason);
    }

    @Override
    public void applied(AgentLedger on, Operation operation) {}

    @Override
    public void launched(AgentLedger on, LaunchOperation launch) {
        launch.tasks().forEach(t -> launched.add(t.taskId()));
    }
}
