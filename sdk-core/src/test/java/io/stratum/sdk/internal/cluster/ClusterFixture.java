package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.spec.TaskSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link ClusterCore} of one agent, {@code agent-1}, and what became of the operations accepted on
 * it ({@link AcceptRecorder}).
 */
final class ClusterFixture {
    final ClusterCore cluster = new ClusterCore("offer-", OfferBook.Repeat.REPLACE);
    final AgentLedger agent;
    private final AcceptRecorder accepts = new AcceptRecorder();

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

    /** Accepts {@code operation} on a fresh offer; @return the refusal, or null if it applied */
    String apply(Function<String, Operation> operation) {
        return accepts.accept(cluster, operation);
    }

    /** Launches {@code task} on a fresh offer; @return the refusal, or null if it launched */
    String launch(TaskLaunch task) {
        return apply(offerId -> new Operation.Launch(offerId, agent.id(), task.podInstance(), List.of(task), List.of()));
    }
}
