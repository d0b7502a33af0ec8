package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.CreateVolumeOperation;
import io.stratum.sdk.backend.DestroyVolumeOperation;
import io.stratum.sdk.backend.LaunchOperation;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.ReserveOperation;
import io.stratum.sdk.backend.UnreserveOperation;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import io.stratum.sdk.backend.TaskState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Applies the operations of one accept, in order, as Mesos does: each is checked against what is
 * left of the offer (earlier operations of the same accept included) and applied to both the offer
 * and the agent, or refused on its own — recorded as an {@link OperationError}, the others still
 * applied; a refused launch reports {@code ERROR} for its tasks. Reservations grow and shrink by
 * {@code resource_id}; a volume takes its whole reserved disk; a reservation carrying a volume is
 * not unreserved before the volume is destroyed.
 */
final class OperationApplier {
    private static final double EPSILON = ResourceValue.Scalar.EPSILON;

    private final Counters counters;
    private final List<OperationError> errors;
    private final TaskLifecycle tasks;
    private final GroupLauncher launcher;

    OperationApplier(Counters counters, List<OperationError> errors, TaskLifecycle tasks, Scripts scripts) {
        this.counters = counters;
        this.errors = errors;
        this.tasks = tasks;
        this.launcher = new GroupLauncher(counters, tasks, scripts);
    }

    void apply(AgentLedger agent, Holdings offered, Collection<String> offerIds, List<Operation> operations) {
        for (Operation op : operations) {
            String problem = offerIds.contains(op.offerId()) ? applyOne(agent, offered, op)
                    : "it names offer " + op.offerId() + ", not one of the offers accepted";
            if (problem != null) {
                refuse(String.join(",", offerIds), op, problem, TaskState.ERROR);
            }
        }
    }

    /** Records a refused operation; a refused launch's tasks are reported in {@code state} by the master. */
    void refuse(String offerIds, Operation op, String problem, TaskState state) {
        counters.refused++;
        errors.add(new OperationError(offerIds, kind(op), problem));
        if (op instanceof LaunchOperation launch) {
            launch.tasks().forEach(t -> tasks.reportUntracked(t.taskId(), Optional.of(launch.agentId()), state, problem));
        }
    }

    private String applyOne(AgentLedger agent, Holdings offered, Operation op) {
        if (op instanceof ReserveOperation r) {
            return reserve(agent, offered, r.resource());
        } else if (op instanceof CreateVolumeOperation c) {
            return create(agent, offered, c.volume());
        } else if (op instanceof LaunchOperation l) {
            return launcher.launch(agent, offered, l);
        } else if (op instanceof UnreserveOperation u) {
            return unreserve(agent, offered, u.resource());
        }
        return destroy(agent, offered, ((DestroyVolumeOperation) op).volume());
    }

    private String reserve(AgentLedger agent, Holdings offered, Resource r) {
        if (r.resourceId().isEmpty()) {
            return "the reservation of " + r + " has no resource_id label";
        }
        if (r.volume().isPresent()) {
            return "RESERVE cannot carry a volume (CREATE makes volumes): " + r;
        }
        String problem = agent.holdings.checkGrow(r);
        Resource shape = r.withoutReservation();
        problem = problem != null ? problem : offered.takeUnreserved(shape);
        if (problem != null) {
            return "cannot reserve " + r + ": " + problem;
        }
        mustSucceed(agent.holdings.takeUnreserved(shape));
        agent.holdings.addReservation(r);
        offered.addReservation(r);
        counters.reserves++;
        return null;
    }

    private String unreserve(AgentLedger agent, Holdings offered, Resource r) {
        String id = r.resourceId().orElse(null);
        Resource held = id == null ? null : offered.reserved(id);
        if (held == null) {
            return id == null ? "nothing to unreserve without a resource_id: " + r : agent.whyNotOffered(id);
        }
        if (held.volume().isPresent()) {
            return "reservation " + id + " carries volume " + held.volume().get().persistenceId() + ": destroy it first";
        }
        String problem = offered.shrink(r);
        if (problem != null) {
            return problem;
        }
        mustSucceed(agent.holdings.shrink(r));
        Resource back = held.isMountDisk() ? held.withoutReservation() : r.withoutReservation();
        agent.holdings.giveUnreserved(back);
        offered.giveUnreserved(back);
        counters.unreserves++;
        return null;
    }

    private String create(AgentLedger agent, Holdings offered, Resource disk) {
        PersistentVolume volume = disk.volume().orElseThrow();
        String id = disk.resourceId().orElse(null);
        Resource held = id == null ? null : offered.reserved(id);
        if (held == null) {
            return id == null ? "volume " + volume.persistenceId() + " is not on a reservation with a resource_id"
                    : agent.whyNotOffered(id);
        }
        if (!held.name().equals(Resource.DISK) || held.volume().isPresent()) {
            return "reservation " + id + " (" + held + ") is not a disk free for volume " + volume.persistenceId();
        }
        if (Math.abs(held.amount() - disk.amount()) > EPSILON) {
            return "volume " + volume.persistenceId() + " of " + disk.value() + " MB on reservation " + id + " of "
                    + held.value() + " MB: a volume takes its whole reservation";
        }
        if (agent.volume(volume.persistenceId()) != null) {
            return "volume " + volume.persistenceId() + " exists already on agent " + agent.agent.id();
        }
        offered.putReserved(id, held.withVolume(volume));
        agent.holdings.putReserved(id, agent.holdings.reserved(id).withVolume(volume));
        counters.creates++;
        return null;
    }

    private String destroy(AgentLedger agent, Holdings offered, Resource disk) {
        String persistenceId = disk.volume().orElseThrow().persistenceId();
        String id = disk.resourceId().orElse(null);
        Resource held = id == null ? null : offered.reserved(id);
        if (held == null || !held.volume().map(v -> v.persistenceId().equals(persistenceId)).orElse(false)) {
            Resource onAgent = agent.volume(persistenceId);
            return onAgent == null ? "there is no volume " + persistenceId + " on agent " + agent.agent.id()
                    : "volume " + persistenceId + ": " + agent.whyNotOffered(onAgent.resourceId().orElseThrow());
        }
        offered.putReserved(id, held.withoutVolume());
        agent.holdings.putReserved(id, agent.holdings.reserved(id).withoutVolume());
        counters.destroys++;
        return null;
    }

    /** The offer is a part of the agent, so what the offer allowed the agent allows. */
    static void mustSucceed(String problem) {
        if (problem != null) {
            throw new IllegalStateException("the sim cluster's agent is out of step with its offer: " + problem);
        }
    }

    static String kind(Operation op) {
        if (op instanceof ReserveOperation) {
            return "RESERVE";
        } else if (op instanceof CreateVolumeOperation) {
            return "CREATE";
        } else if (op instanceof LaunchOperation) {
            return "LAUNCH_GROUP";
        } else if (op instanceof UnreserveOperation) {
            return "UNRESERVE";
        }
        return "DESTROY";
    }
}
