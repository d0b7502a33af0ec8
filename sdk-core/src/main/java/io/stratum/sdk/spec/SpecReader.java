package io.stratum.sdk.spec;

import io.stratum.sdk.placement.PlacementSpec;
import io.stratum.sdk.placement.PlacementSyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives meaning to the raw YAML tree: builds the {@link ServiceSpec} records, field by field,
 * reporting unknown fields, wrong types, missing required fields and DC/OS-only features. Range
 * and cross-field rules are {@link SpecValidator}'s job.
 */
final class SpecReader {
    private final Path baseDir;
    private final TaskReader tasks;

    SpecReader(Path baseDir) {
        this.baseDir = baseDir;
        this.tasks = new TaskReader(baseDir);
    }

    ServiceSpec read(MappingReader root) {
        String name = root.requiredString("name");
        String webUrl = root.string("web-url");
        SchedulerSpec scheduler = scheduler(root.child("scheduler"));
        Map<String, PodSpec> pods = root.named("pods", this::pod);
        if (!root.has("pods")) {
            root.problem("pods", "required field 'pods' is missing");
        }
        Map<String, PlanSpec> plans = root.named("plans", PlanReader::plan);
        root.unsupported("replacement-failure-policy", "replacement-failure-policy (DC/OS option; "
                + "a pod whose tasks stay failed or lost is replaced after the scheduler's permanent-failure timeout,"
                + " or at once with 'pod replace')");
        root.finish();
        return new ServiceSpec(name == null ? "" : name, webUrl, scheduler, pods, plans);
    }

    private static SchedulerSpec scheduler(MappingReader m) {
        if (m == null) {
            return new SchedulerSpec(null, null, null);
        }
        SchedulerSpec spec = new SchedulerSpec(m.string("principal"), m.string("user"), m.string("zookeeper"));
        m.finish();
        return spec;
    }

    private PodSpec pod(String name, MappingReader m) {
        long count = m.has("count") ? orZero(m.whole("count")) : missing(m, "count");
        PlacementSpec placement = placement(m);
        var preferences = PreferenceReader.preferences(m);
        String image = image(m, "image");
        var rlimits = m.named("rlimits", SpecReader::rlimit);
        MappingReader container = m.child("container");
        if (container != null) {
            if (image != null || !rlimits.isEmpty() || m.has("networks")) {
                m.problem("container", "give image, networks and rlimits either in the pod or under "
                        + "'container' (the DC/OS SDK's older form), not both");
            }
            image = image(container, "image-name");
            m.locations().alias(m.childPath("image"), container.childPath("image-name"));
            rlimits = container.named("rlimits", SpecReader::rlimit);
            rlimits.keySet().forEach(limit -> m.locations().put(m.childPath("rlimits") + "." + limit,
                    m.locations().of(container.childPath("rlimits") + "." + limit)));
            Unsupported.networks(container);
            container.finish();
        }
        var uris = m.stringList("uris");
        var resourceSets = m.named("resource-sets", ResourceReader::resourceSet);
        var volumes = ResourceReader.volumes(m);
        String preReservedRole = m.string("pre-reserved-role");
        boolean allowDecommission = m.bool("allow-decommission", false);
        boolean discoverable = m.bool("discoverable", false);
        var beforeDecommission = m.stringList("before-decommission");
        var hostVolumes = m.named("host-volumes", SpecReader::hostVolume);
        boolean sharePid = m.bool("share-pid-namespace", false);
        String user = m.string("user");
        var podTasks = m.named("tasks", tasks::task);
        if (!m.has("tasks")) {
            m.problem("tasks", "required field 'tasks' is missing");
        }
        Unsupported.podFields(m);
        m.finish();
        return new PodSpec(name, (int) Math.max(Math.min(count, Integer.MAX_VALUE), Integer.MIN_VALUE),
                placement, preferences, image, rlimits, uris, resourceSets, volumes, preReservedRole,
                allowDecommission, discoverable, beforeDecommission, hostVolumes, sharePid, user, podTasks);
    }

    /** A pod's image: left out (null) runs on the agent's filesystem; an empty one is refused, as in DC/OS. */
    private static String image(MappingReader m, String key) {
        String image = m.string(key);
        if (image != null && image.isBlank()) {
            m.problem(key, "must not be empty: name a container image, or leave " + key
                    + " out to run on the agent's own filesystem");
        }
        return image;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static long missing(MappingReader m, String key) {
        m.problem(key, "required field '" + key + "' is missing");
        return 0;
    }

    private static PlacementSpec placement(MappingReader m) {
        String text = m.string("placement");
        if (text == null) {
            return PlacementSpec.empty();
        }
        try {
            return PlacementSpec.parse(text);
        } catch (PlacementSyntaxException e) {
            m.problem("placement", "bad placement rule: " + e.getMessage());
            return PlacementSpec.empty();
        }
    }

    private static RLimitSpec rlimit(String name, MappingReader m) {
        Long soft = m.whole("soft");
        Long hard = m.whole("hard");
        m.finish();
        return new RLimitSpec(name, soft, hard);
    }

    private static HostVolumeSpec hostVolume(String name, MappingReader m) {
        String hostPath = m.requiredString("host-path");
        String containerPath = m.requiredString("container-path");
        String mode = m.string("mode");
        m.finish();
        return new HostVolumeSpec(name, hostPath == null ? "" : hostPath,
                containerPath == null ? "" : containerPath, mode);
    }

    Path baseDir() {
        return baseDir;
    }
}
