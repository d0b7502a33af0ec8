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
import java.util.Optional;

/**
 * Describes one machine of a {@link SimCluster} as it is built ({@link SimCluster.Builder#agent}):
 * the {@link Agent} (id, hostname, fault domain, attributes) and every resource it has in total,
 * unreserved or pre-reserved for a role by the operator. By default 4 cpus, 8192 MB of memory,
 * 20000 MB of root disk, ports 31000-32000, no GPU, no mount disk, no fault domain and no
 * attribute. Not thread-safe.
 */
public final class SimAgent {
    private final int index;
    private String id;
    private String hostname;
    private double cpus = 4;
    private double mem = 8192;
    private double disk = 20_000;
    private double gpus;
    private final List<Range> ports = new ArrayList<>(List.of(new Range(31_000, 32_000)));
    private final List<Resource> extra = new ArrayList<>();
    private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    private String region;
    private String zone;

    SimAgent(int index) {
        this.index = index;
        this.id = "agent-" + index;
        this.hostname = id + ".sim";
    }

    /** @return the agent's number in its cluster, from 1 in the order agents were added (for zones by index) */
    public int index() {
        return index;
    }

    /** Sets the agent id; default {@code agent-<index>}. */
    public SimAgent id(String id) {
        this.id = Objects.requireNonNull(id, "id");
        return this;
    }

    /** Sets the hostname; default {@code <id>.sim}. */
    public SimAgent hostname(String hostname) {
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        return this;
    }

    /** Sets the unreserved CPU shares. */
    public SimAgent cpus(double cpus) {
        this.cpus = cpus;
        return this;
    }

    /** Sets the unreserved memory, in MB. */
    public SimAgent mem(double mb) {
        this.mem = mb;
        return this;
    }

    /** Sets the unreserved root disk, in MB. */
    public SimAgent disk(double mb) {
        this.disk = mb;
        return this;
    }

    /** Sets the unreserved GPUs. */
    public SimAgent gpus(double gpus) {
        this.gpus = gpus;
        return this;
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
        this.region = Objects.requireNonNull(region, "region");
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /** Sets a text attribute, e.g. {@code rack:r1}. */
    public SimAgent attribute(String name, String value) {
        return attribute(name, AttributeValue.text(value));
    }

    /** Sets an attribute of any kind. */
    public SimAgent attribute(String name, AttributeValue value) {
        attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    boolean hasZone() {
        return zone != null;
    }

    /** @return the machine described */
    Agent agent() {
        return new Agent(id, hostname, Optional.ofNullable(zone), Optional.ofNullable(region), attributes);
    }

    /**
     * @return every resource described, in order: cpus, mem, disk, gpus, ports, then the others
     * @throws IllegalArgumentException if an amount is negative
     */
    List<Resource> resources() {
        List<Resource> all = new ArrayList<>();
        addScalar(all, Resource.CPUS, cpus);
        addScalar(all, Resource.MEM, mem);
        addScalar(all, Resource.DISK, disk);
        addScalar(all, Resource.GPUS, gpus);
        if (!ports.isEmpty()) {
            all.add(Resource.ports(ports.toArray(Range[]::new)));
        }
        all.addAll(extra);
        return all;
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
