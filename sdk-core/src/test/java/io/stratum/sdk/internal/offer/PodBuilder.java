package io.stratum.sdk.internal.offer;

import io.stratum.sdk.placement.PlacementPreference;
import io.stratum.sdk.placement.PlacementSpec;
import io.stratum.sdk.placement.PlacementSyntaxException;
import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.PortRangeSpec;
import io.stratum.sdk.spec.PortSpec;
import io.stratum.sdk.spec.ResourceSetSpec;
import io.stratum.sdk.spec.TaskSpec;
import io.stratum.sdk.spec.VolumeSpec;
import io.stratum.sdk.spec.VolumeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixture factory for pod specs: {@code pod("node").task("server", 1, 1024).port("server", "http", 0).build()}. */
final class PodBuilder {
    private final String name;
    private PlacementSpec placement = PlacementSpec.empty();
    private final List<PlacementPreference> preferences = new ArrayList<>();
    private final Map<String, ResourceSetSpec> sets = new LinkedHashMap<>();
    private final Map<String, VolumeSpec> podVolumes = new LinkedHashMap<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private String preReservedRole;

    private static final class Task {
        final String name;
        Goal goal = Goal.RUNNING;
        double cpus;
        double gpus;
        double mem;
        String resourceSet;
        final Map<String, String> env = new LinkedHashMap<>();
        final Map<String, PortSpec> ports = new LinkedHashMap<>();
        final Map<String, VolumeSpec> volumes = new LinkedHashMap<>();

        Task(String name) {
            this.name = name;
        }
    }

    private PodBuilder(String name) {
        this.name = name;
    }

    static PodBuilder pod(String name) {
        return new PodBuilder(name);
    }

    /** @return a one-task pod {@code name} whose task {@code server} wants {@code cpus} and {@code mem} */
    static PodSpec simple(String name, double cpus, double mem) {
        return pod(name).task("server", cpus, mem).build();
    }

    PodBuilder placement(String text) {
        try {
            this.placement = PlacementSpec.parse(text);
        } catch (PlacementSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    PodBuilder prefer(PlacementPreference preference) {
        preferences.add(preference);
        return this;
    }

    PodBuilder preReservedRole(String role) {
        this.preReservedRole = role;
        return this;
    }

    PodBuilder task(String task, double cpus, double mem) {
        Task t = new Task(task);
        t.cpus = cpus;
        t.mem = mem;
        tasks.put(task, t);
        return this;
    }

    PodBuilder gpus(String task, double gpus) {
        tasks.get(task).gpus = gpus;
        return this;
    }

    PodBuilder goal(String task, Goal goal) {
        tasks.get(task).goal = goal;
        return this;
    }

    PodBuilder env(String task, String key, String value) {
        tasks.get(task).env.put(key, value);
        return this;
    }

    /** A task running on the named resource set instead of inline resources. */
    PodBuilder taskOnSet(String task, String set) {
        Task t = new Task(task);
        t.resourceSet = set;
        tasks.put(task, t);
        return this;
    }

    PodBuilder resourceSet(String set, double cpus, double mem) {
        sets.put(set, new ResourceSetSpec(set, cpus, 0, mem, Map.of(), Map.of()));
        return this;
    }

    PodBuilder port(String task, String port, int number) {
        return port(task, port, number, null);
    }

    PodBuilder port(String task, String port, int number, String envKey, PortRangeSpec... ranges) {
        tasks.get(task).ports.put(port, new PortSpec(port, number, envKey, false, null, List.of(ranges)));
        return this;
    }

    PodBuilder volume(String task, String volume, VolumeType type, double sizeMb, String... profiles) {
        tasks.get(task).volumes.put(volume, new VolumeSpec(volume, volume + "-path", type, sizeMb, List.of(profiles)));
        return this;
    }

    PodBuilder podVolume(String volume, double sizeMb) {
        podVolumes.put(volume, new VolumeSpec(volume, volume + "-path", VolumeType.ROOT, sizeMb, List.of()));
        return this;
    }

    PodSpec build() {
        Map<String, TaskSpec> specs = new LinkedHashMap<>();
        tasks.values().forEach(t -> specs.put(t.name, new TaskSpec(t.name, t.goal, true, "./run " + t.name,
                Map.of(), t.env, Map.of(), t.resourceSet == null ? t.cpus : null, t.resourceSet == null ? t.gpus : null,
                t.resourceSet == null ? t.mem : null, t.ports, null, null, t.volumes, t.resourceSet, null, 30, null)));
        return new PodSpec(name, 1, placement, preferences, null, Map.of(), List.of(), sets, podVolumes,
                preReservedRole, false, false, List.of(), Map.of(), false, null, specs);
    }
}
