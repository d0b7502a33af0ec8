package io.stratum.sdk.cli;

import io.stratum.sdk.service.LocalResources;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses the local agents' flags of {@code stratum run} ({@code --mount-disks N:SIZE_MB},
 * {@code --gpus N}, {@code --pre-reserved ROLE:CPUS:MEM:DISK}, repeatable, {@code --zones Z1,Z2,...}
 * and {@code --region R}) into {@link LocalResources}; a bad value is a {@link CliException#badInput}
 * naming its flag (or a {@link io.stratum.sdk.service.RunOptions.InvalidOptionException} naming its
 * option, which the command maps to the flag).
 */
final class LocalFlags {
    private static final String NUMBER = "\\d{1,9}(\\.\\d{1,6})?";

    private LocalFlags() {}

    /** @return the resources the flags describe, the defaults for those not given */
    static LocalResources parse(String mountDisks, String gpus, List<String> preReserved) {
        return parse(mountDisks, gpus, preReserved, null, null);
    }

    /** @return the resources and zones the flags describe, the defaults for those not given */
    static LocalResources parse(String mountDisks, String gpus, List<String> preReserved, String zones, String region) {
        LocalResources resources = resources(mountDisks, gpus, preReserved);
        if (zones == null) {
            if (region != null) {
                throw CliException.badInput("--region: needs --zones (it is the region of the local agents' zones)");
            }
            return resources;
        }
        List<String> names = List.of(zones.split(",", -1));
        if (zones.isBlank()) {
            throw CliException.badInput("--zones: expected ZONE[,ZONE...] (e.g. us-east-1a,us-east-1b), got '" + zones + "'");
        }
        if (names.stream().anyMatch(String::isEmpty)) {
            throw CliException.badInput("--zones: an empty zone name in '" + zones + "'");
        }
        return resources.withZones(region != null ? region : LocalResources.DEFAULT_REGION, names);
    }

    private static LocalResources resources(String mountDisks, String gpus, List<String> preReserved) {
        LocalResources defaults = LocalResources.defaults();
        int disks = defaults.mountDisks();
        double diskMb = defaults.mountDiskMb();
        if (mountDisks != null) {
            if (!mountDisks.matches("\\d{1,2}:" + NUMBER)) {
                throw CliException.badInput("--mount-disks: expected N:SIZE_MB (e.g. 2:2048), got '" + mountDisks + "'");
            }
            String[] parts = mountDisks.split(":");
            disks = Integer.parseInt(parts[0]);
            diskMb = Double.parseDouble(parts[1]);
            if (disks > 64 || diskMb <= 0) {
                throw CliException.badInput("--mount-disks: expected 0-64 disks of more than 0 MB, got '" + mountDisks + "'");
            }
        }
        double gpuCount = defaults.gpus();
        if (gpus != null) {
            if (!gpus.matches("\\d{1,4}") || Integer.parseInt(gpus) > 1_000) {
                throw CliException.badInput("--gpus: expected a whole number from 0 to 1000, got '" + gpus + "'");
            }
            gpuCount = Integer.parseInt(gpus);
        }
        List<LocalResources.PreReserved> roles = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String text : preReserved == null ? List.<String>of() : preReserved) {
            if (!text.matches("[^\\s:*/.][^\\s:]*:" + NUMBER + ":" + NUMBER + ":" + NUMBER) || text.split(":")[0].endsWith("/")) {
                throw CliException.badInput("--pre-reserved: expected ROLE:CPUS:MEM_MB:DISK_MB (e.g. analytics:1:1024:2048),"
                        + " got '" + text + "'");
            }
            String[] parts = text.split(":");
            if (!seen.add(parts[0])) {
                throw CliException.badInput("--pre-reserved: role " + parts[0] + " is given twice");
            }
            double cpus = Double.parseDouble(parts[1]);
            double mem = Double.parseDouble(parts[2]);
            double disk = Double.parseDouble(parts[3]);
            if (cpus + mem + disk <= 0) {
                throw CliException.badInput("--pre-reserved: role " + parts[0] + " must reserve some cpus, memory or disk");
            }
            roles.add(new LocalResources.PreReserved(parts[0], cpus, mem, disk));
        }
        return new LocalResources(disks, diskMb, gpuCount, roles);
    }

    /** @return a warning when there are more zones than agents: the zones no agent is in */
    static List<String> zonesWithoutAgents(LocalResources local, int agents) {
        if (local.zones().size() <= agents) {
            return List.of();
        }
        return List.of("warning: --zones: " + local.zones().size() + " zones but " + agents + " agents: no agent is in "
                + String.join(", ", local.zones().subList(agents, local.zones().size())));
    }

    /** @return a warning for each pre-reserved role of the spec's pods that no {@code --pre-reserved} reserves */
    static List<String> unreservedRoles(ServiceSpec spec, LocalResources local) {
        Set<String> given = new TreeSet<>();
        local.preReserved().forEach(r -> given.add(r.role()));
        List<String> warnings = new ArrayList<>();
        for (PodSpec pod : spec.pods().values()) {
            String role = pod.preReservedRole();
            if (role != null && !given.contains(role)) {
                warnings.add("warning: pod " + pod.name() + " has pre-reserved-role " + role + " but no --pre-reserved "
                        + role + ":CPUS:MEM_MB:DISK_MB reserves anything for it: it will wait for offers");
            }
        }
        return warnings;
    }
}
