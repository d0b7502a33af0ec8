package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/**
 * Applies the operations of one accept, in order, as Mesos does: each is checked against what is
 * left of the offer (earlier operations of the same accept included) and applied to both the offer
 * and the agent, or refused on its own, the others still applied. Reservations grow and shrink by
 * {@code resource_id}; a volume takes its whole reserved disk; a reservation carrying a volume is
 * not unreserved before the volume is destroyed; what live tasks use is not in the offer, so it
 * cannot be given back. Launches: {@link GroupLaunch}.
 */
final class OperationApplier {
    private static final double EPSILON = ResourceValue.Scalar.EPSILON;

    private final AgentLedger agent;
    private final Holdings offered;
    private final Collection<String> offerIds;
    private final AcceptListener listener;

    OperationApplier(OfferBook.Accepted accepted, AcceptListener listener) {
        this.agent = accepted.agent();
        this.offered = accepted.offered();
        this.offerIds = accepted.ids();
        this.listener = listener;
    }

    void apply(List<Operation> operations) {
        for (Operation op : operations) {
            String problem = offerIds.contains(op.offerId()) ? applyOne(op)
                    : "it names offer " + op.offerId() + ", not one of the offers accepted";
            if (problem != null) {
                listener.refused(agent, op, problem);
            } else if (op instanceof Operation.Launch launch) {
                listener.launched(agent, launch);
            } else {
                listener.applied(agent, op);
            }
        }
    }

    /** @return {@code RESERVE}, {@code CREATE}, {@code LAUNCH_GROUP}, {@code UNRESERVE} or {@code DESTROY}, as Mesos names them */
    static String kind(Operation op) {
        if (op instanceof Operation.Reserve) {
            return "RESERVE";
        } else if (op instanceof Operation.CreateVolume) {
            return "CREATE";
        } else if (op instanceof Operation.Launch) {
            return "LAUNCH_GROUP";
        } else if (op instanceof Operation.Unreserve) {
            return "UNRESERVE";
        }
        return "DESTROY";
    }

    private String applyOne(Operation op) {
        try {
            if (op instanceof Operation.Reserve r) {
                return reserve(r.resource());
            } else if (op instanceof Operation.CreateVolume c) {
                return create(c.volume());
            } else if (op instanceof Operation.Launch l) {
                return new GroupLaunch(agent, offered, l).claim(listener);
            } else if (op instanceof Operation.Unreserve u) {
                return unreserve(u.resource());
            }
            return destroy(((Operation.DestroyVolume) op).volume());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return e.getMessage(); // the agent's journal refused it
        }
    }

    private String reserve(Resource r) {
        if (r.resourceId().isEmpty()) {
            return "the reservation of " + r + " has no resource_id label";
        }
        if (r.volume().isPresent()) {
            return "RESERVE cannot carry a volume (CREATE makes volumes): " + r;
        }
        String problem = agent.held().checkGrow(r);
        Resource shape = r.withoutReservation();
        problem = problem != null ? problem : offered.takeUnreserved(shape);
        if (problem != null) {
            return "cannot reserve " + r + ": " + problem;
        }
        agent.reserve(r);
        offered.addReservation(r);
        return null;
    }

    private String unreserve(Resource r) {
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
        agent.unreserve(r);
        offered.giveUnreserved(held.isMountDisk() ? held.withoutReservation() : r.withoutReservation());
        return null;
    }

    private String create(Resource disk) {
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
        if (agent.volume(volume.persistenceId()).isPresent()) {
            return "volume " + volume.persistenceId() + " exists already on agent " + agent.id();
        }
        agent.createVolume(id, volume);
        offered.putReserved(id, held.withVolume(volume));
        return null;
    }

    private String destroy(Resource disk) {
        String persistenceId = disk.volume().orElseThrow().persistenceId();
        String id = disk.resourceId().orElse(null);
        Resource held = id == null ? null : offered.reserved(id);
        if (held == null || !held.volume().map(v -> v.persistenceId().equals(persistenceId)).orElse(false)) {
            return agent.volume(persistenceId)
                    .map(onAgent -> "volume " + persistenceId + ": " + agent.whyNotOffered(onAgent.resourceId().orElseThrow()))
                    .orElse("there is no volume " + persistenceId + " on agent " + agent.id());
        }
        agent.destroyVolume(id);
        offered.putReserved(id, held.withoutVolume());
        return null;
    }
}
