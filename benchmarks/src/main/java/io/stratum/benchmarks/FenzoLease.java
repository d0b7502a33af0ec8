package io.stratum.benchmarks;

import com.netflix.fenzo.VirtualMachineLease;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.mesos.Protos;

/**
 * A Fenzo lease of a benchmark host: cpus, memory and port ranges, no attributes. {@link #getOffer()}
 * is null, which Fenzo takes as "not a Mesos offer" (never rejected back to a master).
 */
final class FenzoLease implements VirtualMachineLease {
    private final String id = UUID.randomUUID().toString();
    private final String hostname;
    private final double cpus;
    private final double memory;
    private final List<Range> ports;

    FenzoLease(String hostname, double cpus, double memory, List<Range> ports) {
        this.hostname = hostname;
        this.cpus = cpus;
        this.memory = memory;
        this.ports = ports;
    }

    /** @return the lease left of this one once {@code cpus}, {@code memory} and {@code usedPorts} are taken */
    FenzoLease minus(double cpus, double memory, List<Integer> usedPorts) {
        List<Range> left = new ArrayList<>();
        for (Range r : ports) {
            int begin = r.getBeg();
            for (int port = r.getBeg(); port <= r.getEnd(); port++) {
                if (usedPorts.contains(port)) {
                    if (port > begin) {
                        left.add(new Range(begin, port - 1));
                    }
                    begin = port + 1;
                }
            }
            if (begin <= r.getEnd()) {
                left.add(new Range(begin, r.getEnd()));
            }
        }
        return new FenzoLease(hostname, this.cpus - cpus, this.memory - memory, left);
    }

    @Override public String getId() { return id; }
    @Override public long getOfferedTime() { return System.currentTimeMillis(); }
    @Override public String hostname() { return hostname; }
    @Override public String getVMID() { return hostname; }
    @Override public double cpuCores() { return cpus; }
    @Override public double memoryMB() { return memory; }
    @Override public double networkMbps() { return 0; }
    @Override public double diskMB() { return 0; }
    @Override public List<Range> portRanges() { return ports; }
    @Override public Protos.Offer getOffer() { return null; }
    @Override public Map<String, Protos.Attribute> getAttributeMap() { return Collections.emptyMap(); }
    @Override public Double getScalarValue(String name) { return null; }
    @Override public Map<String, Double> getScalarValues() { return Collections.emptyMap(); }
}
