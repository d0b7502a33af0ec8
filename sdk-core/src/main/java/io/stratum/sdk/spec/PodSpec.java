package io.stratum.sdk.spec;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.stratum.sdk.placement.PlacementPreference;
import io.stratum.sdk.placement.PlacementSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pod type: {@code count} instances, each a group of tasks placed together on one agent and
 * sharing its volumes and resource sets.
 *
 * @param name              the pod type's name (DNS-safe); instances are {@code <name>-<index>}
 * @param count             the number of instances, 0 to 10,000
 * @param placement         hard placement constraints (empty: anywhere)
 * @param preferences       soft placement preferences, ranking offers only
 * @param image             a container image, or null to run on the agent's own filesystem
 * @param rlimits           POSIX resource limits by name ({@code RLIMIT_NOFILE}, ...)
 * @param uris              artifacts fetched into every task's sandbox before it starts
 * @param resourceSets      named resource sets tasks may share, by name
 * @param volumes           pod-level persistent volumes, shared by every task of an instance
 * @param preReservedRole   a role whose statically reserved resources the pod consumes, or null
 * @param allowDecommission whether lowering {@code count} may remove instances
 * @param discoverable      whether every task of the service gets this pod's instances' addresses
 *                          and ports in its environment ({@code <POD>_HOSTS}, {@code <POD>_0_HOST},
 *                          ...: see {@link io.stratum.sdk.discovery}); a change relaunches nothing
 * @param beforeDecommission tasks of this pod (goal ONCE or FINISH) run, in order, in an instance
 *                          that is being decommissioned, beside its running tasks and on its own
 *                          reservations and volumes, before its tasks are killed; not part of a
 *                          generated deploy (the {@code before-decommission} field, a Stratum extension)
 * @param hostVolumes       agent directories mounted into the sandbox, by name
 * @param sharePidNamespace whether the tasks share one PID namespace
 * @param user              the OS user of this pod's tasks, or null for the scheduler's
 * @param tasks             the tasks, by name, in file order (at least one)
 */
public record PodSpec(
        @Pattern(regexp = SpecNames.DNS_LABEL, message = SpecNames.DNS_RULE) String name,
        @PositiveOrZero @Max(value = 10_000, message = "must be at most 10000") int count,
        PlacementSpec placement,
        List<PlacementPreference> preferences,
        String image,
        Map<String, @Valid RLimitSpec> rlimits,
        List<String> uris,
        Map<String, @Valid ResourceSetSpec> resourceSets,
        Map<String, @Valid VolumeSpec> volumes,
        String preReservedRole,
        boolean allowDecommission,
        // absent in specs stored before it existed: false
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean discoverable,
        List<String> beforeDecommission,
        Map<String, @Valid HostVolumeSpec> hostVolumes,
        boolean sharePidNamespace,
        String user,
        @NotEmpty(message = "a pod needs at least one task") Map<String, @Valid TaskSpec> tasks) {

    public PodSpec {
        Objects.requireNonNull(name, "name");
        placement = placement == null ? PlacementSpec.empty() : placement;
        preferences = Copies.list(preferences);
        rlimits = Copies.map(rlimits);
        uris = Copies.list(uris);
        resourceSets = Copies.map(resourceSets);
        volumes = Copies.map(volumes);
        beforeDecommission = Copies.list(beforeDecommission);
        hostVolumes = Copies.map(hostVolumes);
        tasks = Copies.map(tasks);
    }

    /** @return the task {@code name}, or null */
    public TaskSpec task(String name) {
        return tasks.get(name);
    }

    /**
     * @return the names of the tasks an instance runs when it is deployed: every task but those run
     *     {@linkplain #beforeDecommission() before decommission}, in file order
     */
    public List<String> deployedTasks() {
        return tasks.keySet().stream().filter(t -> !beforeDecommission.contains(t)).toList();
    }

    /**
     * The resources a task consumes: its named resource set, or its inline resources (with its
     * resource limits) as an implicit set named {@code <task>-resource-set}, where an inline
     * amount left out is 0: not reserved.
     */
    public ResourceSetSpec resourcesOf(TaskSpec task) {
        if (task.resourceSet() != null) {
            ResourceSetSpec set = resourceSets.get(task.resourceSet());
            if (set == null) {
                throw new IllegalArgumentException("pod " + name + " has no resource set " + task.resourceSet());
            }
            return set;
        }
        return new ResourceSetSpec(task.name() + "-resource-set",
                task.cpus() == null ? 0 : task.cpus(),
                task.gpus() == null ? 0 : task.gpus(),
                task.memory() == null ? 0 : task.memory(),
                task.ports(), task.volumes(), task.resourceLimits());
    }

    /**
     * How far a task may burst above its reservation: its own {@code resource-limits}, else those
     * of the resource set it names.
     *
     * @return the limits, or null when neither gives any (the reservation is the limit)
     * @throws IllegalArgumentException if the task names a resource set the pod lacks
     */
    public ResourceLimitsSpec resourceLimitsOf(TaskSpec task) {
        return task.resourceLimits() != null ? task.resourceLimits() : resourcesOf(task).resourceLimits();
    }
}
