package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the tasks of a task group reach their persistent volumes on Mesos's default executor.
 *
 * <p>The default executor runs each task in a nested container with a sandbox of its own
 * ({@code <executor sandbox>/containers/<id>}). The agent links every persistent volume the
 * executor and its tasks hold into the <em>executor's</em> sandbox at the volume's
 * {@code container_path}, never into a task's: a task that only holds a volume finds nothing at
 * its path ("Directory nonexistent"). A task reaches a volume through its own {@code ContainerInfo}
 * (type {@code MESOS}): a {@code Volume} whose source is {@code SANDBOX_PATH} of type
 * {@code PARENT} at the volume's path in the executor's sandbox, mounted read-write at the same
 * path in the task's (Mesos's {@code nested-container-and-task-group} documentation).
 *
 * <p>That {@code Volume} is served by the agent's {@code volume/sandbox_path} isolator, which
 * {@code filesystem/linux} brings along but an agent with {@code --isolation=filesystem/posix}
 * (and no {@code volume/sandbox_path}) lacks: it ignores the volume, and the task still finds
 * nothing (seen on a real Mesos 1.12 agent). So the task's command, and its command checks, start
 * with a {@link #prelude} that links each missing path to the executor's sandbox itself
 * ({@code ../../<path>}: a nested sandbox is {@code <executor sandbox>/containers/<id>}, a
 * check's is nested in its task's in turn); where the isolator did its work the path exists and
 * the prelude does nothing.
 *
 * <p>Where a volume's resource goes: a task's own volume stays with the task (it is freed, and
 * offered again for a relaunch in place, when that task ends, whatever its siblings do); a
 * pod-level volume ({@link Reservation#POD_RESOURCE_SET}), which every task of the instance sees,
 * goes once on the executor, since a volume that is not shared may be held by one container only.
 * Stateless.
 */
final class SandboxVolumes {
    private SandboxVolumes() {}

    /** @return whether {@code resource} is a pod-level persistent volume, held by the executor */
    static boolean onExecutor(Resource resource) {
        return resource.volume().isPresent() && resource.reservation().flatMap(r -> r.label(Reservation.RESOURCE_SET))
                .filter(Reservation.POD_RESOURCE_SET::equals).isPresent();
    }

    /** @return the pod-level volumes among the tasks' resources, each once (by persistence id) */
    static List<Resource> podVolumes(List<Resource> resources) {
        Map<String, Resource> volumes = new LinkedHashMap<>();
        resources.stream().filter(SandboxVolumes::onExecutor)
                .forEach(r -> volumes.putIfAbsent(r.volume().orElseThrow().persistenceId(), r));
        return List.copyOf(volumes.values());
    }

    /**
     * @param resources the task's resources, its own and pod-level volumes included
     * @return shell commands, ending in {@code ; }, that link each volume path missing from the
     *     current directory to the same path two levels up; empty when there is no volume
     */
    static String prelude(List<Resource> resources) {
        StringBuilder prelude = new StringBuilder();
        resources.stream().flatMap(r -> r.volume().stream()).map(PersistentVolume::containerPath).distinct()
                .forEach(path -> prelude.append("[ -e ").append(path).append(" ] || ln -s ../../").append(path)
                        .append(' ').append(path).append("; "));
        return prelude.toString();
    }

    /**
     * @param resources the task's resources, its own and pod-level volumes included
     * @return the task's {@code ContainerInfo} mounting every persistent volume it holds or sees,
     *     or empty when it has none
     */
    static Optional<ObjectNode> container(List<Resource> resources) throws LaunchRejected {
        Map<String, PersistentVolume> byPath = new LinkedHashMap<>();
        for (Resource resource : resources) {
            Optional<PersistentVolume> volume = resource.volume();
            if (volume.isPresent()) {
                String path = volume.get().containerPath();
                // Mesos links volumes into the executor's sandbox by name and refuses such PARENT paths.
                if (path.isEmpty() || path.startsWith("/") || path.contains("/") || path.contains(".") || path.contains(" ")) {
                    throw new LaunchRejected("volume path '" + path + "' cannot be shared from the default executor's"
                            + " sandbox: Mesos needs a single relative directory name without '.' or spaces");
                }
                byPath.putIfAbsent(path, volume.get());
            }
        }
        if (byPath.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode container = Wire.object().put("type", "MESOS");
        ArrayNode volumes = container.putArray("volumes");
        for (String path : byPath.keySet()) {
            ObjectNode volume = volumes.addObject().put("container_path", path).put("mode", "RW");
            volume.putObject("source").put("type", "SANDBOX_PATH").putObject("sandbox_path")
                    .put("type", "PARENT").put("path", path);
        }
        return Optional.of(container);
    }
}
