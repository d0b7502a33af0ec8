package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converts a launch into a {@code LAUNCH_GROUP} operation: the pod instance's tasks as one task
 * group on Mesos's default executor.
 *
 * <p>A default executor must hold cpus, mem and disk of its own (the master fails the group with
 * "Executor uses no disk" otherwise). They come from the launch's executor reservations; any of
 * the three they lack is taken unreserved from the offer, {@link ExecutorResources its default
 * amount}, or, where the offer (allocated to a refined role) holds too little unreserved, from
 * what it holds statically reserved for a pre-reserved role. A pod instance whose executor still runs (some of its tasks live) gets its new tasks
 * on that executor, named with the same {@code ExecutorInfo}.
 *
 * <p>The executor also holds the pod instance's pod-level volumes (once, however many tasks see
 * them); every task mounts the volumes it sees from the executor's sandbox ({@link SandboxVolumes}).
 *
 * @param resources converts the executor's resources
 * @param tasks     converts each task
 * @param executors the executors running, and the launch's once made
 * @param defaults  what a default executor takes unreserved when the launch reserved none
 */
record LaunchGroupJson(ResourceJson resources, TaskInfoJson tasks, ExecutorBook executors, ExecutorResources defaults) {
    /** The amounts a default executor takes from the offer when the launch reserved none. */
    record ExecutorResources(double cpus, double memMb, double diskMb) {}

    /**
     * @param unreserved what the offer holds unreserved, by resource name, after the accept's reservations
     * @param preReserved by pre-reserved role, what the offer holds statically reserved for it (not
     *                    ours) after the accept's reservations: where the executor's share comes
     *                    from when the offer, allocated to a refined role, holds nothing unreserved
     * @return the operation; the executor is recorded as running the launch's tasks
     */
    ObjectNode toJson(String frameworkId, Operation.Launch launch, Agent agent, String allocationRole,
            Map<String, Double> unreserved, Map<String, Map<String, Double>> preReserved) throws LaunchRejected {
        Optional<ExecutorBook.Existing> existing = executors.running(launch.podInstance(), agent.id());
        String executorId = existing.map(ExecutorBook.Existing::executorId)
                .orElseGet(() -> ExecutorBook.newExecutorId(launch.podInstance()));
        ObjectNode executor = existing.flatMap(ExecutorBook.Existing::info).orElse(null);
        if (executor == null) {
            executor = executor(frameworkId, executorId, launch, allocationRole, existing.isPresent() ? Map.of() : unreserved,
                    existing.isPresent() ? Map.of() : preReserved);
        }
        ObjectNode operation = Wire.object().put("type", "LAUNCH_GROUP");
        ObjectNode group = operation.putObject("launch_group");
        group.set("executor", executor);
        ArrayNode infos = group.putObject("task_group").putArray("tasks");
        for (TaskLaunch task : launch.tasks()) {
            infos.add(tasks.toJson(task, agent, allocationRole));
        }
        Set<String> taskIds = launch.tasks().stream().map(TaskLaunch::taskId).collect(Collectors.toSet());
        executors.launched(launch.podInstance(), agent.id(), executorId, executor, taskIds);
        return operation;
    }

    /** @return a pre-reserved role of the offer with at least {@code amount} of {@code name} left */
    private static Optional<String> preReservedRoleWith(Map<String, Map<String, Double>> preReserved, String name,
            double amount) {
        return preReserved.entrySet().stream().filter(e -> e.getValue().getOrDefault(name, 0.0) + 1e-6 >= amount)
                .map(Map.Entry::getKey).sorted().findFirst();
    }

    private ObjectNode executor(String frameworkId, String executorId, Operation.Launch launch, String allocationRole,
            Map<String, Double> unreserved, Map<String, Map<String, Double>> preReserved) throws LaunchRejected {
        ObjectNode executor = Wire.object().put("type", "DEFAULT");
        executor.set("executor_id", Wire.id(executorId));
        executor.set("framework_id", Wire.id(frameworkId));
        executor.put("name", launch.podInstance());
        ArrayNode list = executor.putArray("resources");
        List<Resource> held = new ArrayList<>(launch.executorResources());
        double[] amounts = {defaults.cpus(), defaults.memMb(), defaults.diskMb()};
        String[] names = {Resource.CPUS, Resource.MEM, Resource.DISK};
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            if (held.stream().anyMatch(r -> r.name().equals(name) && r.amount() > 0)) {
                continue;
            }
            double free = unreserved.getOrDefault(name, 0.0);
            Optional<String> role = free + 1e-6 >= amounts[i] ? Optional.empty() : preReservedRoleWith(preReserved, name, amounts[i]);
            if (role.isPresent()) {
                preReserved.get(role.get()).merge(name, -amounts[i], Double::sum);
                held.add(Resource.scalar(name, amounts[i]).withPreReservedRole(role.get()));
                continue;
            }
            if (free + 1e-6 < amounts[i]) {
                throw new LaunchRejected("the default executor of " + launch.podInstance() + " needs " + name + " "
                        + ResourceValue.Scalar.format(amounts[i]) + " but the offer has "
                        + ResourceValue.Scalar.format(free) + " unreserved left; reserve executor overhead"
                        + " (OfferEvaluator.Builder#withExecutorOverhead) or lower the default executor's " + name);
            }
            held.add(Resource.scalar(name, amounts[i]));
        }
        // after the defaults: a volume is disk, but not the disk the executor itself writes to
        held.addAll(SandboxVolumes.podVolumes(launch.tasks().stream().flatMap(t -> t.resources().stream()).toList()));
        for (Resource resource : held) {
            list.add(resources.toJson(resource, allocationRole));
        }
        return executor;
    }
}
