package io.stratum.sdk.backend.local;

import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One agent: its description for offers, its address, its files, its {@link Ledger} and its
 * {@link TaskLauncher}. What is free is what its {@link AgentResources} hold minus its
 * reservations, for unreserved resources and for each pre-reserved role apart; a MOUNT disk is
 * free while no reservation holds it. Thread-safe as its parts are; the backend uses it from its one thread.
 */
final class LocalAgent {
    static final String ID_PREFIX = "local-agent-";

    private final Agent agent;
    private final AgentDirs dirs;
    private final AgentResources total;
    private final Ledger ledger;
    private final TaskLauncher launcher;
    private final JsonDirectory<LaunchRecord> launches;

    LocalAgent(Agent agent, AgentDirs dirs, AgentResources total, Function<AgentDirs, TaskLauncher> launcher) {
        this.agent = agent;
        this.dirs = dirs;
        this.total = total;
        this.ledger = Ledger.open(dirs);
        this.launcher = launcher.apply(dirs);
        this.launches = new JsonDirectory<>("launch record", dirs.launches(), LaunchRecord.class, dirs::launch);
    }

    /**
     * @return the agents the options describe: {@code local-agent-1} at {@code 127.0.0.<first>},
     *     and so on, zones round-robin
     */
    static List<LocalAgent> all(LocalBackendBuilder options, Function<AgentDirs, TaskLauncher> launcher) {
        AgentResources resources = AgentResources.of(options);
        List<LocalAgent> agents = new ArrayList<>(options.agents);
        for (int i = 1; i <= options.agents; i++) {
            String id = ID_PREFIX + i;
            Agent agent = Agent.of(id, "127.0.0." + (options.firstAddress + i - 1));
            if (!options.zones.isEmpty()) {
                agent = agent.withFaultDomain(options.region, options.zones.get((i - 1) % options.zones.size()));
            }
            for (Map.Entry<String, String> attribute : options.attributes.entrySet()) {
                agent = agent.withAttribute(attribute.getKey(), attribute.getValue());
            }
            for (Map.Entry<String, String> attribute : options.agentAttributes.getOrDefault(i, Map.of()).entrySet()) {
                agent = agent.withAttribute(attribute.getKey(), attribute.getValue());
            }
            AgentResources own = options.agentGpus.containsKey(i) ? resources.withGpus(options.agentGpus.get(i)) : resources;
            agents.add(new LocalAgent(agent, AgentDirs.of(options.workDir, id), own, launcher));
        }
        return List.copyOf(agents);
    }

    String id() {
        return agent.id();
    }

    /** @return the agent's loopback address, also its hostname */
    String address() {
        return agent.hostname();
    }

    Agent agent() {
        return agent;
    }

    AgentDirs dirs() {
        return dirs;
    }

    Ledger ledger() {
        return ledger;
    }

    TaskLauncher launcher() {
        return launcher;
    }

    JsonDirectory<LaunchRecord> launches() {
        return launches;
    }

    /** @return how much unreserved scalar {@code name} is neither dynamically reserved nor beyond what the agent has */
    double free(String name) {
        return free(null, name);
    }

    /**
     * @param role a pre-reserved role, or null for unreserved resources
     * @return how much of scalar {@code name} the agent has for {@code role} and has not reserved
     *     dynamically; MOUNT disks are not counted
     */
    double free(String role, String name) {
        double reserved = ledger.reservations().stream()
                .filter(r -> r.resourceName().equals(name) && r.mount() == null && Objects.equals(r.preReservedRole(), role)
                        && r.value() instanceof ResourceValue.Scalar)
                .mapToDouble(r -> ((ResourceValue.Scalar) r.value()).value()).sum();
        return Math.max(0, total.total(role, name) - reserved);
    }

    /** @return whether {@code diskId} is one of the agent's MOUNT disks */
    boolean hasMount(String diskId) {
        return total.mountIds().contains(diskId);
    }

    /** @return each MOUNT disk's size in MB */
    double mountSizeMb() {
        return total.mountDiskMb();
    }

    /** @return the MOUNT disks no reservation holds, as offers show them */
    List<Resource> freeMounts() {
        Set<String> reserved = ledger.reservations().stream().map(Reservation::mount).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return total.mountIds().stream().filter(id -> !reserved.contains(id))
                .map(id -> Resource.mountDisk(total.mountDiskMb(), LedgerRecords.mountSource(dirs, id))).toList();
    }

    /** @return the agent's ports that are not reserved */
    List<Range> freePorts() {
        List<Range> reserved = ledger.reservations().stream()
                .filter(r -> r.resourceName().equals(Resource.PORTS) && r.value() instanceof ResourceValue.Ranges)
                .flatMap(r -> ((ResourceValue.Ranges) r.value()).ranges().stream())
                .map(r -> new Range(r.begin(), r.end())).toList();
        return PortRanges.minus(List.of(total.ports()), reserved);
    }

    /** @return the reservations, each with its volume if it carries one */
    List<Resource> reservations() {
        Map<String, PersistentVolume> volumes = ledger.volumes().stream()
                .collect(Collectors.toMap(PersistentVolume::resourceId, v -> v, (a, b) -> a));
        return ledger.reservations().stream()
                .map(r -> LedgerRecords.resource(dirs, r, Optional.ofNullable(volumes.get(r.resourceId())))).toList();
    }

    /**
     * @param inUse the {@code resource_id}s live tasks use
     * @return what an offer from this agent holds: the free unreserved resources (cpus, mem, root
     *     disk, gpus, ports, then whole MOUNT disks), the free resources of each pre-reserved role,
     *     then the reservations no live task uses
     */
    List<Resource> offerable(Set<String> inUse) {
        List<Resource> out = new ArrayList<>();
        addScalars(out, null, List.of(Resource.CPUS, Resource.MEM, Resource.DISK, Resource.GPUS));
        List<Range> ports = freePorts();
        if (!ports.isEmpty()) {
            out.add(Resource.ports(ports.toArray(Range[]::new)));
        }
        out.addAll(freeMounts());
        total.preReserved().keySet().stream().sorted()
                .forEach(role -> addScalars(out, role, List.of(Resource.CPUS, Resource.MEM, Resource.DISK)));
        reservations().stream().filter(r -> !inUse.contains(r.resourceId().orElseThrow())).forEach(out::add);
        return out;
    }

    private void addScalars(List<Resource> out, String role, List<String> names) {
        for (String name : names) {
            double free = free(role, name);
            if (free > io.stratum.sdk.resource.ResourceValue.Scalar.EPSILON) {
                Resource resource = Resource.scalar(name, free);
                out.add(role == null ? resource : resource.withPreReservedRole(role));
            }
        }
    }
}
