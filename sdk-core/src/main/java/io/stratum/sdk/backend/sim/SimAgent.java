package io.stratum.sdk.backend.sim;

import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.AttributeValue;
import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes one machine of a {@link SimCluster} as it is built ({@link SimCluster.Builder#agent}):
 * the {@link Agent} (id, hostname, fault domain, attributes) and every resource it has in total,
 * unreserved or pre-reserved for a role by the operator. By default 4 cpus, 8192 MB of memory,
 * 20000 MB of root disk, ports 31000-32000, no GPU, no mount disk, no fault domain and no
 * attribute. Not thread-safe.
 */
public final class SimAgent {
    private final int index;
    private Agent agent;
    private final Map<String, Double> scalars = new LinkedHashMap<>();
    private final List<Range> ports = new ArrayList<>(List.of(new Range(31_000, 32_000)));
    private final List<Resource> extra = new ArrayList<>();

    SimAgent(int index) {
        this.index = index;
        this.agent = Agent.of("agent-" + index, "agent-" + index + ".sim");
        scalars.put(Resource.CPUS, 4.0);
        scalars.put(Resource.MEM, 8192.0);
        scalars.put(Resource.DISK, 20_000.0);
        scalars.put(Resource.GPUS, 0.0);
    }

    /** @return the agent's number in its cluster, from 1 in the order agents were added (for zones by index) */
    public int index() {
        return index;
    }

    /**
     * Sets the agent id; default {@code agent-<index>}.
     *
     * @throws IllegalArgumentException if it is blank
     */
    public SimAgent id(String id) {
        agent = new Agent(id, agent.hostname(), agent.zone(), agent.region(), agent.attributes());
        return this;
    }

    /**
     * Sets the hostname; default {@code agent-<index>.sim}.
     *
     * @throws IllegalArgumentException if it is blank
     */
    public SimAgent hostname(String hostname) {
        agent = new Agent(agent.id(), hostname, agent.zone(), agent.region(), agent.attributes());
        return this;
    }

    /** Sets the unreserved CPU shares. */
    public SimAgent cpus(double cpus) {
        return scalar(Resource.CPUS, cpus);
    }

    /** Sets the unreserved memory, in MB. */
    public SimAgent mem(double mb) {
        return scalar(Resource.MEM, mb);
    }

    /** Sets the unreserved root disk, in MB. */
    public SimAgent disk(double mb) {
        return scalar(Resource.DISK, mb);
    }

    /** Sets the unreserved GPUs. */
    public SimAgent gpus(double gpus) {
        return scalar(Resource.GPUS, gpus);
    }

    /** Replaces the port ranges with the single range {@code [begin-end]}. */
    public SimAgent ports(long begin, long end) {
        return ports(new Range(begin, end));
    }

    /** Replaces the port ranges; none means no ports. */
    public SimAgent ports(Range... ranges) {
        ports.clear();
        ports.addAll(List.of(ranges));
        return this;
    }

    /** Adds a whole MOUNT disk of {@code sizeMb} mounted at {@code root}. */
    public SimAgent mountDisk(String root, double sizeMb) {
        return resource(Resource.mountDisk(sizeMb, DiskSource.mount(root)));
    }

    /** Adds a whole MOUNT disk of {@code sizeMb} mounted at {@code root}, with disk profile {@code profile}. */
    public SimAgent mountDisk(String root, double sizeMb, String profile) {
        return resource(Resource.mountDisk(sizeMb, DiskSource.mount(root, profile)));
    }

    /**
     * Adds any other resource, e.g. one pre-reserved for a role ({@link Resource#withPreReservedRole}).
     *
     * @throws IllegalArgumentException if it carries a dynamic reservation or a volume
     */
    public SimAgent resource(Resource resource) {
        if (resource.reservation().isPresent() || resource.volume().isPresent()) {
            throw new IllegalArgumentException("an agent starts without dynamic reservations or volumes: " + resource);
        }
        extra.add(resource);
        return this;
    }

    /** Puts the agent in {@code zone} of {@code region}. */
    public SimAgent zone(String region, String zone) {
        agent = agent.withFaultDomain(Objects.requireNonNull(region, "region"), Objects.requireNonNull(zone, "zone"));
        return this;
    }

    /** Sets a text attribute, e.g. {@code rack:r1}. */
    public SimAgent attribute(String name, String value) {
        return attribute(name, AttributeValue.text(value));
    }

    /** Sets an attribute of any kind. */
    public SimAgent attribute(String name, AttributeValue value) {
        agent = agent.withAttribute(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    boolean hasZone() {
        return agent.zone().isPresent();
    }

    /** @return the machine described */
    Agent agent() {
        return agent;
    }

    /**
     * @return every resource described, in order: cpus, mem, disk, gpus, ports, then the others
     * @throws IllegalArgumentException if an amount is negative
     */
    List<Resource> resources() {
        List<Resource> all = new ArrayList<>();
        scalars.forEach((name, amount) -> addScalar(all, name, amount));
        if (!ports.isEmpty()) {
            all.add(Resource.ports(ports.toArray(Range[]::new)));
        }
        all.addAll(extra);
        return all;
    }

    private SimAgent scalar(String name, double amount) {
        scalars.put(name, amount);
        return this;
    }

    private static void addScalar(List<Resource> into, String name, double amount) {
        if (amount < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + amount);
        }
        if (amount > 0) {
            into.add(Resource.scalar(name, amount));
        }
    }
}
