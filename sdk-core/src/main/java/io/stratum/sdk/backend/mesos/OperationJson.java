package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the recommendations for one offer into the operations of an {@code ACCEPT}, in an order
 * Mesos can apply one after another on the agent: DESTROY (a volume before its disk is given
 * back), UNRESERVE, RESERVE, CREATE (a volume on disk just reserved), then LAUNCH_GROUP (tasks on
 * what was just reserved and created). Within a kind, the evaluator's order is kept. Every
 * resource names the offer's allocation role.
 */
final class OperationJson {
    /** The operations to send, and the launches that could not be expressed. */
    record Result(List<ObjectNode> operations, List<Rejected> rejected) {}

    /** A launch not sent: its tasks fail with {@code message}. */
    record Rejected(Operation.Launch launch, String message) {
        List<String> taskIds() {
            return launch.tasks().stream().map(TaskLaunch::taskId).toList();
        }
    }

    private final ResourceJson resources;
    private final LaunchGroupJson launches;

    OperationJson(ResourceJson resources, LaunchGroupJson launches) {
        this.resources = resources;
        this.launches = launches;
    }

    Result toJson(String frameworkId, List<Operation> recommendations, OfferJson.Received offer) {
        List<Operation> ordered = new ArrayList<>(recommendations);
        ordered.sort(Comparator.comparingInt(OperationJson::rank));
        String role = offer.allocationRole();
        List<ObjectNode> operations = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (Operation r : ordered) {
            if (r instanceof Operation.Launch launch) {
                try {
                    operations.add(launches.toJson(frameworkId, launch, offer.offer().agent(), role,
                            unreservedLeft(offer.offer(), recommendations), preReservedLeft(offer.offer(), recommendations)));
                } catch (LaunchRejected e) {
                    rejected.add(new Rejected(launch, e.getMessage()));
                }
            } else if (r instanceof Operation.Reserve reserve) {
                operations.add(operation("RESERVE", "reserve", "resources", reserve.resource(), role));
            } else if (r instanceof Operation.CreateVolume create) {
                operations.add(operation("CREATE", "create", "volumes", create.volume(), role));
            } else if (r instanceof Operation.Unreserve unreserve) {
                operations.add(operation("UNRESERVE", "unreserve", "resources", unreserve.resource(), role));
            } else if (r instanceof Operation.DestroyVolume destroy) {
                operations.add(operation("DESTROY", "destroy", "volumes", destroy.volume(), role));
            }
        }
        return new Result(operations, rejected);
    }

    private ObjectNode operation(String type, String field, String list, Resource resource, String role) {
        ObjectNode operation = Wire.object().put("type", type);
        operation.putObject(field).putArray(list).add(resources.toJson(resource, role));
        return operation;
    }

    private static int rank(Operation r) {
        if (r instanceof Operation.DestroyVolume) {
            return 0;
        }
        if (r instanceof Operation.Unreserve) {
            return 1;
        }
        if (r instanceof Operation.Reserve) {
            return 2;
        }
        return r instanceof Operation.CreateVolume ? 3 : 4;
    }

    /** @return the offer's unreserved scalars on the root disk, less what the recommendations reserve of them */
    private static Map<String, Double> unreservedLeft(Offer offer, List<Operation> recommendations) {
        Map<String, Double> left = new HashMap<>();
        for (Resource r : offer.resources()) {
            if (isPlainUnreserved(r)) {
                left.merge(r.name(), r.amount(), Double::sum);
            }
        }
        for (Operation rec : recommendations) {
            if (rec instanceof Operation.Reserve reserve && reserve.resource().preReservedRole().isEmpty()
                    && !reserve.resource().isMountDisk()) {
                left.merge(reserve.resource().name(), -reserve.resource().amount(), Double::sum);
            }
        }
        return left;
    }

    /**
     * @return by pre-reserved role, the offer's scalars on the root disk statically reserved for it
     *     and not ours, less what the recommendations reserve of them
     */
    private static Map<String, Map<String, Double>> preReservedLeft(Offer offer, List<Operation> recommendations) {
        Map<String, Map<String, Double>> left = new HashMap<>();
        for (Resource r : offer.resources()) {
            if (r.reservation().isEmpty() && r.preReservedRole().isPresent() && !r.isMountDisk()
                    && r.value() instanceof io.stratum.sdk.resource.ResourceValue.Scalar) {
                left.computeIfAbsent(r.preReservedRole().get(), k -> new HashMap<>()).merge(r.name(), r.amount(), Double::sum);
            }
        }
        for (Operation rec : recommendations) {
            if (rec instanceof Operation.Reserve reserve && reserve.resource().preReservedRole().isPresent()
                    && !reserve.resource().isMountDisk()) {
                left.computeIfAbsent(reserve.resource().preReservedRole().get(), k -> new HashMap<>())
                        .merge(reserve.resource().name(), -reserve.resource().amount(), Double::sum);
            }
        }
        return left;
    }

    private static boolean isPlainUnreserved(Resource r) {
        return r.reservation().isEmpty() && r.preReservedRole().isEmpty() && !r.isMountDisk();
    }
}
