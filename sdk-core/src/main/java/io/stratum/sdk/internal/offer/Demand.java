package io.stratum.sdk.internal.offer;

import io.stratum.sdk.placement.PlacementRule;
import io.stratum.sdk.placement.PreferenceScorer;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.PortSpec;
import io.stratum.sdk.spec.ResourceSetSpec;
import io.stratum.sdk.spec.TaskSpec;
import io.stratum.sdk.spec.VolumeSpec;
import io.stratum.sdk.spec.VolumeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * What a new instance of a pod needs when it launches some of its tasks, computed once per pod
 * spec and task list: the distinct resource sets, the totals, the ports and volumes, the pool
 * role, and the pod's compiled placement rule and preference scorer. {@link #fits} is the cheap,
 * allocation-free test the search runs on every candidate; the stages then do the real work on
 * the one chosen. Immutable.
 */
final class Demand {
    final PodSpec pod;
    final List<String> tasks;
    final List<ResourceSetSpec> sets;
    final Map<String, List<String>> tasksBySet;
    final String role;
    final double cpus;
    final double mem;
    final double gpus;
    final double rootDisk;
    final long[] staticPorts;
    final int portCount;
    final double[] mountSizes;
    final PlacementRule rule;
    final PreferenceScorer scorer;
    /** {@code PORT_<NAME>} of each port, by port name: computed once, as it takes a regex. */
    final Map<String, String> portEnvNames;

    Demand(PodSpec pod, List<String> tasks, Settings settings) {
        this.pod = pod;
        this.tasks = tasks;
        Map<String, ResourceSetSpec> sets = new LinkedHashMap<>();
        Map<String, List<String>> tasksBySet = new LinkedHashMap<>();
        for (String name : tasks) {
            TaskSpec task = pod.task(name);
            ResourceSetSpec set = pod.resourcesOf(task);
            sets.putIfAbsent(set.name(), set);
            tasksBySet.computeIfAbsent(set.name(), n -> new ArrayList<>()).add(name);
        }
        this.sets = List.copyOf(sets.values());
        this.tasksBySet = tasksBySet;
        this.role = pod.preReservedRole() == null ? Pool.UNRESERVED : pod.preReservedRole();
        this.cpus = settings.overhead().cpus() + sum(s -> s.cpus());
        this.mem = settings.overhead().mem() + sum(s -> s.memory());
        this.gpus = sum(s -> s.gpus());
        List<VolumeSpec> volumes = new ArrayList<>(pod.volumes().values());
        this.sets.forEach(s -> volumes.addAll(s.volumes().values()));
        this.rootDisk = settings.overhead().disk() + volumes.stream()
                .filter(v -> v.type() == VolumeType.ROOT).mapToDouble(VolumeSpec::size).sum();
        this.mountSizes = volumes.stream().filter(v -> v.type() == VolumeType.MOUNT)
                .mapToDouble(VolumeSpec::size).sorted().toArray();
        List<PortSpec> ports = this.sets.stream().flatMap(s -> s.ports().values().stream()).toList();
        this.staticPorts = ports.stream().filter(p -> !p.isDynamic()).mapToLong(PortSpec::port).toArray();
        this.portCount = ports.size();
        this.portEnvNames = ports.stream().collect(Collectors.toMap(PortSpec::name,
                PortSpec::defaultEnvName, (a, b) -> a));
        List<PlacementRule> rules = new ArrayList<>();
        rules.add(PlacementRule.of(pod.placement()));
        rules.addAll(settings.rules().getOrDefault(pod.name(), List.of()));
        this.rule = PlacementRule.allOf(rules);
        this.scorer = PreferenceScorer.of(pod.preferences());
    }

    private double sum(ToDoubleFunction<ResourceSetSpec> amount) {
        return sets.stream().mapToDouble(amount).sum();
    }

    /** @return whether a new instance fits the pool: scalars, ports and MOUNT disks (profiles are left to the stages) */
    boolean fits(Pool pool) {
        if (pool == null
                || pool.cpus + Pool.EPSILON < cpus || pool.mem + Pool.EPSILON < mem
                || pool.gpus + Pool.EPSILON < gpus || pool.disk + Pool.EPSILON < rootDisk
                || pool.ports.free() < portCount) {
            return false;
        }
        for (long port : staticPorts) {
            if (!pool.ports.contains(port)) {
                return false;
            }
        }
        return mountSizes.length == 0 || mountsFit(pool);
    }

    /** Largest volume first, each on the smallest free MOUNT disk that holds it. */
    private boolean mountsFit(Pool pool) {
        boolean[] used = new boolean[pool.mounts.size()];
        for (int v = mountSizes.length - 1; v >= 0; v--) {
            int best = -1;
            for (int m = 0; m < used.length; m++) {
                double size = pool.mounts.get(m).amount();
                if (!used[m] && size + Pool.EPSILON >= mountSizes[v]
                        && (best < 0 || size < pool.mounts.get(best).amount())) {
                    best = m;
                }
            }
            if (best < 0) {
                return false;
            }
            used[best] = true;
        }
        return true;
    }

    /** @return the ranking policy's score for placing a new instance on the pool, or -infinity if it does not fit */
    double key(Pool pool, RankingPolicy ranking) {
        if (!fits(pool)) {
            return Double.NEGATIVE_INFINITY;
        }
        return ranking.score(Pool.fill(pool.cpusCapacity, pool.cpus, cpus), Pool.fill(pool.memCapacity, pool.mem, mem),
                Pool.fill(pool.diskCapacity, pool.disk, rootDisk));
    }

    /** @return the full names of the tasks using {@code set}, e.g. {@code node-2-server}, for reasons */
    String taskNames(String podInstance, String set) {
        List<String> names = tasksBySet.getOrDefault(set, List.of());
        StringBuilder out = new StringBuilder(names.size() == 1 ? "task " : "tasks ");
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(podInstance).append('-').append(names.get(i));
        }
        return out.toString();
    }
}
