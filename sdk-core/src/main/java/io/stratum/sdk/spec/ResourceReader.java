package io.stratum.sdk.spec;

import io.stratum.sdk.internal.text.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads resources: resource sets, ports with their ranges and VIPs, and persistent volumes. */
final class ResourceReader {
    private ResourceReader() {}

    static ResourceSetSpec resourceSet(String name, MappingReader m) {
        Double cpus = m.number("cpus");
        Double gpus = m.number("gpus");
        Double memory = m.number("memory");
        if (!m.has("cpus")) {
            m.problem("cpus", "required field 'cpus' is missing");
        }
        if (!m.has("memory")) {
            m.problem("memory", "required field 'memory' is missing");
        }
        var ports = ports(m);
        var volumes = volumes(m);
        ResourceLimitsSpec limits = limits(m.child("resource-limits"));
        m.string("id");
        m.finish();
        return new ResourceSetSpec(name, cpus == null ? 0 : cpus, gpus == null ? 0 : gpus,
                memory == null ? 0 : memory, ports, volumes, limits);
    }

    /** {@code resource-limits} of a task or a resource set: each a number or {@code unlimited}. */
    static ResourceLimitsSpec limits(MappingReader m) {
        if (m == null) {
            return null;
        }
        Double cpus = limit(m, "cpus");
        Double memory = limit(m, "memory");
        m.finish();
        return new ResourceLimitsSpec(cpus, memory);
    }

    private static Double limit(MappingReader m, String key) {
        String text = m.string(key);
        if (text == null) {
            return null;
        }
        if (text.strip().equalsIgnoreCase("unlimited")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (value > 0 && !Double.isInfinite(value)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        m.problem(key, "must be a number greater than 0 or \"unlimited\", got '" + text + "'");
        return null;
    }

    static Map<String, PortSpec> ports(MappingReader m) {
        return m.named("ports", ResourceReader::port);
    }

    private static PortSpec port(String name, MappingReader m) {
        long port = m.has("port") ? orZero(m.whole("port")) : missingPort(m);
        String envKey = m.string("env-key");
        boolean advertise = m.bool("advertise", false);
        VipSpec vip = vip(m.child("vip"));
        List<PortRangeSpec> ranges = ranges(m);
        if (port != 0 && !ranges.isEmpty()) {
            m.problem("ranges", "ranges apply only to a dynamic port (port: 0), but port is " + port);
        }
        m.finish();
        return new PortSpec(name, (int) Math.max(-1, Math.min(port, 1_000_000)), envKey, advertise, vip, ranges);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static long missingPort(MappingReader m) {
        m.problem("port", "required field 'port' is missing (use port: 0 for a dynamic port)");
        return 0;
    }

    private static VipSpec vip(MappingReader m) {
        if (m == null) {
            return null;
        }
        String prefix = m.requiredString("prefix");
        int port = m.wholeOr("port", 0);
        if (!m.has("port")) {
            m.problem("port", "required field 'port' is missing");
        }
        String protocol = m.string("protocol");
        if (protocol != null && !protocol.equalsIgnoreCase("tcp") && !protocol.equalsIgnoreCase("udp")) {
            m.problem("protocol", "must be tcp or udp, got '" + protocol + "'");
        }
        m.finish();
        return new VipSpec(prefix, port, protocol == null ? "tcp" : protocol.toLowerCase(Locale.ROOT));
    }

    private static List<PortRangeSpec> ranges(MappingReader m) {
        List<PortRangeSpec> out = new ArrayList<>();
        YamlNode node = m.node("ranges");
        if (node == null) {
            return out;
        }
        if (!(node instanceof YamlNode.Sequence list)) {
            m.problem("ranges", "expected a list of {begin, end} ranges, got " + node.describe());
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String path = m.childPath("ranges") + "[" + i + "]";
            if (!(item instanceof YamlNode.Mapping map)) {
                m.problems().add(item.location(), path, "expected a {begin, end} range, got " + item.describe());
                continue;
            }
            MappingReader r = new MappingReader(map, path, m.problems(), m.locations());
            int begin = r.wholeOr("begin", 1);
            int end = r.wholeOr("end", 65_535);
            if (!r.has("begin")) {
                r.problem("begin", "required field 'begin' is missing");
            }
            if (end < begin) {
                r.problem("end", "range end " + end + " is below its begin " + begin);
            }
            r.finish();
            out.add(new PortRangeSpec(begin, end));
        }
        return out;
    }

    /**
     * Reads {@code volume} (one, named after its path) or {@code volumes} (named); giving both is
     * refused, as the DC/OS SDK does. The single volume's record path ({@code volumes.<its path>})
     * is aliased to {@code volume}.
     */
    static Map<String, VolumeSpec> volumes(MappingReader m) {
        Map<String, VolumeSpec> out = new LinkedHashMap<>();
        MappingReader single = m.child("volume");
        VolumeSpec singleVolume = single == null ? null : volume(null, single);
        if (singleVolume != null) {
            out.put(singleVolume.name(), singleVolume);
        }
        if (m.has("volume") && m.has("volumes")) {
            m.problem("volumes", "give either 'volume' (one volume) or 'volumes' (named volumes), not both");
        }
        out.putAll(m.named("volumes", ResourceReader::volume));
        if (singleVolume != null && out.get(singleVolume.name()) == singleVolume) {
            m.locations().alias(m.childPath("volumes") + "." + singleVolume.name(), m.childPath("volume"));
        }
        return out;
    }

    private static VolumeSpec volume(String name, MappingReader m) {
        String path = m.requiredString("path");
        String typeText = m.string("type");
        VolumeType type = VolumeType.ROOT;
        if (typeText != null) {
            try {
                type = VolumeType.valueOf(typeText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                m.problem("type", "unknown volume type '" + typeText + "': use ROOT or MOUNT"
                        + DidYouMean.hint(typeText.toUpperCase(Locale.ROOT), List.of("ROOT", "MOUNT")));
            }
        } else if (!m.has("type")) {
            m.problem("type", "required field 'type' is missing (ROOT or MOUNT)");
        }
        Double size = m.number("size");
        if (!m.has("size")) {
            m.problem("size", "required field 'size' is missing (MB)");
        }
        List<String> profiles = m.stringList("profiles");
        if (!profiles.isEmpty() && type != VolumeType.MOUNT) {
            m.problem("profiles", "profiles apply only to MOUNT volumes");
        }
        m.unsupported("volume-name", "volume-name (DC/OS external volumes)");
        m.finish();
        String volumeName = name != null ? name : (path == null ? "volume" : path);
        return new VolumeSpec(volumeName, path == null ? "" : path, type, size == null ? 0 : size, profiles);
    }
}
