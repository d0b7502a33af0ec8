package io.stratum.sdk.backend.local;

import io.stratum.sdk.resource.Range;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything one agent has, reserved or not.
 *
 * @param cpus   CPU shares, more than 0
 * @param memMb  memory in MB, more than 0
 * @param diskMb root disk in MB, more than 0
 * @param ports  the ports it offers
 */
record AgentResources(double cpus, double memMb, double diskMb, Range ports) {
    private static final double MB = 1024 * 1024;

    AgentResources {
        Objects.requireNonNull(ports, "ports");
        if (!(cpus > 0) || !(memMb > 0) || !(diskMb > 0)) {
            throw new IllegalArgumentException("an agent needs cpus, memory and disk: " + cpus + ", " + memMb + ", " + diskMb);
        }
    }

    /** @return the builder's amounts, each missing one a share of this machine among the agents */
    static AgentResources of(LocalBackendBuilder options) {
        double cpus = options.cpus != null ? options.cpus : Runtime.getRuntime().availableProcessors();
        double mem = options.memMb != null ? options.memMb : Math.max(1, Math.floor(physicalMemory() / MB / options.agents));
        double disk = options.diskMb != null ? options.diskMb
                : Math.max(1, Math.floor(usableSpace(options.workDir) / MB / options.agents));
        return new AgentResources(cpus, mem, disk, options.ports);
    }

    private static double physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** @return the free space where the work dir is (or will be) */
    private static double usableSpace(Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }
}
