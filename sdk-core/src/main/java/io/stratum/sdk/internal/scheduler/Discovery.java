package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.discovery.PodAddress;
import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.PortSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Where the target's pod instances are placed, read from their task records (each launch, and each
 * reservation of a {@code reserve-only} step, records its agent's hostname and its ports), and the
 * discovery variables of the discoverable pods (see {@link io.stratum.sdk.discovery}). An instance
 * is placed while it holds reservations: from its first reservation until it is replaced or
 * decommissioned, whatever its tasks' states; one whose only launch the cluster dropped never held
 * any. Instances beyond the pod's count (being decommissioned) are left out. Reads only; built per
 * offer cycle over the task cache and that cycle's launches, and per request of a framework's route
 * over a snapshot of the records ({@link ServiceScheduler#placedInstances()}).
 */
final class Discovery {
    private final ServiceSpec target;
    private final Function<PodInstance, List<TaskRecord>> records;

    /**
     * @param target  the target config
     * @param records a pod instance's task records (the cycle's launches over the stored ones)
     */
    Discovery(ServiceSpec target, Function<PodInstance, List<TaskRecord>> records) {
        this.target = target;
        this.records = records;
    }

    /** @return where instance {@code index} of {@code pod} is placed, if it is */
    Optional<PodAddress> address(PodSpec pod, int index) {
        List<TaskRecord> held = records.apply(new PodInstance(pod.name(), index)).stream()
                .filter(r -> !PodRequests.neverApplied(r)).toList();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        String host = null;
        String agent = null;
        Map<String, Long> ports = new LinkedHashMap<>();
        for (TaskSpec task : pod.tasks().values()) {
            Optional<TaskRecord> record = held.stream().filter(r -> r.taskName().equals(task.name())).findFirst();
            if (record.isEmpty()) {
                continue;
            }
            if (host == null) {
                host = record.get().labels().getOrDefault(TaskLabels.HOSTNAME, record.get().agentId());
                agent = record.get().agentId();
            } else if (!record.get().agentId().equals(agent)) {
                // A snapshot read while a replacement's records were being stored: not this address's ports.
                continue;
            }
            for (PortSpec port : pod.resourcesOf(task).ports().values()) {
                String value = record.get().labels().get(TaskLabels.PORT_PREFIX + port.name());
                if (value != null) {
                    ports.putIfAbsent(port.name(), Long.parseLong(value));
                }
            }
        }
        if (host == null) { // records of tasks the pod no longer has: the agent is all we know
            host = held.get(0).labels().getOrDefault(TaskLabels.HOSTNAME, held.get(0).agentId());
        }
        return Optional.of(new PodAddress(pod.name(), index, host, ports));
    }

    /** @return the placed instances of every pod of the target, in spec order, then by index */
    List<PodAddress> instances() {
        List<PodAddress> out = new ArrayList<>();
        for (PodSpec pod : target.pods().values()) {
            out.addAll(instancesOf(pod));
        }
        return out;
    }

    private List<PodAddress> instancesOf(PodSpec pod) {
        List<PodAddress> out = new ArrayList<>();
        for (int index = 0; index < pod.count(); index++) {
            address(pod, index).ifPresent(out::add);
        }
        return out;
    }

    /**
     * @return for each discoverable pod: {@code <POD>_HOSTS}, {@code <POD>_ENDPOINTS_<PORT>} for each
     *     of its ports (both empty while nothing is placed), and {@code <POD>_<INDEX>_HOST} and
     *     {@code <POD>_<INDEX>_PORT_<PORT>} for each placed instance
     */
    Map<String, String> variables() {
        Map<String, String> env = new LinkedHashMap<>();
        for (PodSpec pod : target.pods().values()) {
            if (!pod.discoverable()) {
                continue;
            }
            String prefix = envName(pod.name()) + "_";
            List<PodAddress> placed = instancesOf(pod);
            StringJoiner hosts = new StringJoiner(",");
            Map<String, StringJoiner> endpoints = new LinkedHashMap<>();
            pod.tasks().values().forEach(task -> pod.resourcesOf(task).ports().keySet()
                    .forEach(port -> endpoints.putIfAbsent(port, new StringJoiner(","))));
            for (PodAddress instance : placed) {
                String at = prefix + instance.index() + "_";
                env.put(at + "HOST", instance.host());
                hosts.add(instance.host());
                instance.ports().forEach((port, number) -> {
                    env.put(at + "PORT_" + envName(port), Long.toString(number));
                    endpoints.computeIfAbsent(port, p -> new StringJoiner(",")).add(instance.host() + ":" + number);
                });
            }
            env.put(prefix + "HOSTS", hosts.toString());
            endpoints.forEach((port, list) -> env.put(prefix + "ENDPOINTS_" + envName(port), list.toString()));
        }
        return env;
    }

    /** @return {@code name} as part of a variable name: upper case, anything but A-Z, 0-9 and _ as _ */
    static String envName(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }
}
