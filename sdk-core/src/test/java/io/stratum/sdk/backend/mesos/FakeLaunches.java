package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ACCEPT in the test master: checks the offers and applies the operations in order on the agent,
 * as far as the tests need: reservations and volumes on the {@link FakeAgent}, task groups on a
 * default executor (which must hold cpus, mem and disk, and keep its {@code ExecutorInfo} while it
 * runs), each task's {@code command.uris} fetched over HTTP as the Mesos fetcher does (into
 * {@link FakeTask#sandbox}; a fetch that fails fails the task), then each task RUNNING with an
 * update carrying a uuid, then its check results.
 *
 * <p>Sandboxes are nested as on a real agent: the persistent volumes the executor and its tasks
 * hold are linked into the executor's sandbox at their {@code container_path}; a task sees one in
 * its own sandbox ({@link FakeTask#volumes}) only through a {@code SANDBOX_PATH} volume of type
 * {@code PARENT} in its {@code ContainerInfo}. A task that holds or shares a volume it cannot see
 * fails at once, as a command writing there does on Mesos. (The agent modelled has the
 * {@code volume/sandbox_path} isolator; the backend's command prelude for agents without it is
 * checked against the real master.) A reservation (volume or not) held
 * twice in one launch is refused, as a volume that is not shared belongs to one container.
 * Guarded by the cluster's lock.
 */
final class FakeLaunches {
    private static final List<String> EXECUTOR_NEEDS = List.of("cpus", "mem", "disk");

    /** A running default executor: where, as launched, its live tasks, what it took. */
    private record Executor(String agentId, JsonNode info, Set<String> tasks, List<JsonNode> held) {}

    private final FakeCluster cluster;
    private final Map<String, Executor> executors = new HashMap<>();
    private final HttpClient fetcher = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FakeLaunches(FakeCluster cluster) {
        this.cluster = cluster;
    }

    void accept(JsonNode accept) {
        List<ObjectNode> offers = new ArrayList<>();
        accept.path("offer_ids").forEach(id -> {
            ObjectNode offer = cluster.offers.remove(id.path("value").asText());
            if (offer != null) {
                offers.add(offer);
            }
        });
        if (offers.size() != accept.path("offer_ids").size() || offers.isEmpty() || cluster.voidNextAccept) {
            cluster.voidNextAccept = false;
            dropLaunches(accept.path("operations"), "TASK_DROPPED", "REASON_INVALID_OFFERS", "invalid offers");
            return;
        }
        FakeAgent agent = cluster.agentById(Wire.idOf(offers.get(0), "agent_id").orElseThrow());
        String role = offers.get(0).path("allocation_info").path("role").asText();
        for (JsonNode operation : accept.path("operations")) {
            operation.findValues("allocation_info").forEach(a -> {
                if (!role.equals(a.path("role").asText())) {
                    cluster.errors.add("a resource allocated to " + a + " in an offer allocated to " + role);
                }
            });
            operation.path("reserve").path("resources").forEach(r -> {
                JsonNode pushed = r.path("reservations").get(r.path("reservations").size() - 1);
                if (!role.equals(pushed.path("role").asText()) || !cluster.principal.equals(pushed.path("principal").asText())) {
                    cluster.errors.add("a reservation for " + pushed.path("role") + " by " + pushed.path("principal")
                            + " from an offer to " + role + " of a framework with principal " + cluster.principal);
                }
            });
            try {
                apply(agent, operation);
            } catch (IllegalStateException e) {
                cluster.errors.add("operation failed: " + e.getMessage() + " in " + operation);
                return;
            }
        }
    }

    /** @return the {@code resource_id}s held by live tasks and executors on the agent */
    Set<String> inUse(String agentId) {
        Set<String> ids = new HashSet<>();
        cluster.tasks.values().stream().filter(t -> t.agentId.equals(agentId) && t.isLive())
                .forEach(t -> ids.addAll(t.resourceIds));
        executors.values().stream().filter(e -> e.agentId().equals(agentId))
                .forEach(e -> e.held().forEach(r -> ids.add(FakeAgent.resourceId(r))));
        return ids;
    }

    /** A task ended: an executor left without live tasks ends and gives back what it took. */
    void ended(FakeTask task) {
        cluster.freed(task.agentId);
        Executor executor = executors.get(task.executorId);
        if (executor != null && executor.tasks().remove(task.taskId) && executor.tasks().isEmpty()) {
            executors.remove(task.executorId);
            FakeAgent agent = cluster.agentById(executor.agentId());
            executor.held().stream().filter(r -> FakeAgent.resourceId(r) == null).forEach(agent::give);
        }
    }

    private void apply(FakeAgent agent, JsonNode operation) {
        switch (operation.path("type").asText()) {
            case "RESERVE" -> operation.path("reserve").path("resources").forEach(agent::reserve);
            case "UNRESERVE" -> operation.path("unreserve").path("resources").forEach(agent::unreserve);
            case "CREATE" -> operation.path("create").path("volumes").forEach(agent::create);
            case "DESTROY" -> operation.path("destroy").path("volumes").forEach(agent::destroy);
            case "LAUNCH_GROUP" -> launchGroup(agent, operation.path("launch_group"));
            default -> cluster.errors.add("unexpected operation " + operation.path("type").asText());
        }
    }

    private void launchGroup(FakeAgent agent, JsonNode group) {
        JsonNode executor = group.path("executor");
        String executorId = Wire.idOf(executor, "executor_id").orElseThrow();
        JsonNode taskInfos = group.path("task_group").path("tasks");
        Set<String> names = new HashSet<>();
        executor.path("resources").forEach(r -> names.add(r.path("name").asText()));
        for (String needed : EXECUTOR_NEEDS) {
            if (!names.contains(needed)) {
                error(taskInfos, agent, "Executor '" + executorId + "' uses no " + needed);
                return;
            }
        }
        Executor running = executors.get(executorId);
        if (running != null && !running.info().equals(executor)) {
            error(taskInfos, agent, "ExecutorInfo is not compatible with the running executor " + executorId);
            return;
        }
        Set<String> inUse = inUse(agent.id);
        if (running == null) {
            List<JsonNode> held = new ArrayList<>();
            executor.path("resources").forEach(held::add);
            held.forEach(r -> hold(agent, r, inUse));
            running = new Executor(agent.id, executor.deepCopy(), new HashSet<>(), held);
            executors.put(executorId, running);
        }
        for (JsonNode info : taskInfos) {
            List<String> ids = new ArrayList<>();
            info.path("resources").forEach(r -> {
                hold(agent, r, inUse);
                if (FakeAgent.resourceId(r) != null) {
                    ids.add(FakeAgent.resourceId(r));
                }
            });
            FakeTask task = new FakeTask(Wire.idOf(info, "task_id").orElseThrow(), agent.id, executorId, info.deepCopy(), ids);
            cluster.tasks.put(task.taskId, task);
            running.tasks().add(task.taskId);
            String mountError = mount(task, running);
            if (mountError != null) {
                cluster.agentUpdate(task, "TASK_FAILED", mountError, null);
                ended(task);
                continue;
            }
            String fetchError = fetch(task);
            if (fetchError != null) {
                cluster.agentUpdate(task, "TASK_FAILED", "Failed to launch container: " + fetchError,
                        Wire.object().put("source", "SOURCE_AGENT").put("reason", "REASON_CONTAINER_LAUNCH_FAILED"));
                ended(task);
                continue;
            }
            start(task);
        }
    }

    /**
     * The task's nested sandbox: the executor's sandbox links every persistent volume the executor
     * and its live tasks hold; the task's {@code SANDBOX_PATH}/{@code PARENT} volumes reach them.
     *
     * @return null when the task sees every volume it holds or its executor holds, else why not
     */
    private String mount(FakeTask task, Executor executor) {
        Map<String, String> linked = new HashMap<>();
        List<JsonNode> held = new ArrayList<>(executor.held());
        executor.tasks().stream().map(cluster.tasks::get).filter(t -> t != null && t.isLive())
                .forEach(t -> t.info.path("resources").forEach(held::add));
        held.forEach(r -> persistentVolume(r).ifPresent(v -> linked.put(v[0], v[1])));
        JsonNode container = task.info.path("container");
        if (!container.isMissingNode() && !"MESOS".equals(container.path("type").asText())) {
            return "Failed to launch container: a task of a task group needs a MESOS container, not " + container.path("type");
        }
        for (JsonNode volume : container.path("volumes")) {
            JsonNode source = volume.path("source");
            if (!"SANDBOX_PATH".equals(source.path("type").asText())) {
                continue;
            }
            String path = source.path("sandbox_path").path("path").asText();
            if (!"PARENT".equals(source.path("sandbox_path").path("type").asText())) {
                return "Failed to launch container: Only PARENT sandbox path is supported";
            }
            if (path.contains(".") || path.contains(" ") || !"RW".equals(volume.path("mode").asText())) {
                return "Failed to launch container: Invalid sandbox path volume " + volume;
            }
            String id = linked.get(path);
            if (id != null) {
                task.volumes.put(volume.path("container_path").asText(), id);
            }
        }
        List<JsonNode> expected = new ArrayList<>(executor.held());
        task.info.path("resources").forEach(expected::add);
        for (JsonNode resource : expected) {
            Optional<String[]> volume = persistentVolume(resource);
            if (volume.isPresent() && !volume.get()[1].equals(task.volumes.get(volume.get()[0]))) {
                return "sh: 1: cannot create " + volume.get()[0] + "/...: Directory nonexistent";
            }
        }
        return null;
    }

    /** @return the container path and persistence id of a persistent volume resource */
    private static Optional<String[]> persistentVolume(JsonNode resource) {
        JsonNode disk = resource.path("disk");
        if (!disk.path("persistence").has("id")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {disk.path("volume").path("container_path").asText(),
                disk.path("persistence").path("id").asText()});
    }

    /**
     * The fetcher: each URI into the sandbox at its {@code output_file} (relative, inside the
     * sandbox), only HTTP 200 accepted. Our files are neither extracted, cached nor executable.
     *
     * @return null when every URI was fetched, else why not
     */
    private String fetch(FakeTask task) {
        for (JsonNode uri : task.info.path("command").path("uris")) {
            String value = uri.path("value").asText();
            String output = uri.path("output_file").asText(value.substring(value.lastIndexOf('/') + 1));
            if (!uri.has("output_file") || Path.of(output).isAbsolute() || Path.of(output).normalize().startsWith("..")
                    || uri.path("extract").asBoolean(true) || uri.path("cache").asBoolean(false)
                    || uri.path("executable").asBoolean(false)) {
                cluster.errors.add("a config URI not fetched as a plain file inside the sandbox: " + uri);
            }
            try {
                HttpResponse<byte[]> response = fetcher.send(HttpRequest.newBuilder(URI.create(value))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    return "Failed to fetch '" + value + "': received HTTP return code " + response.statusCode();
                }
                task.sandbox.put(Path.of(output).normalize().toString(), new String(response.body(), StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                return "Failed to fetch '" + value + "': " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return null;
    }

    /** RUNNING (a check, if any, without a result yet), then the first check results. */
    private void start(FakeTask task) {
        ObjectNode pending = Wire.object();
        String checkType = task.info.path("check").path("type").asText(null);
        if (checkType != null) {
            pending.putObject("check_status").put("type", checkType).putObject(checkType.toLowerCase());
        }
        cluster.agentUpdate(task, "TASK_RUNNING", "running", pending);
        ObjectNode results = Wire.object();
        if (task.info.has("health_check")) {
            results.put("healthy", true);
        }
        if (checkType != null) {
            ObjectNode result = results.putObject("check_status").put("type", checkType);
            switch (checkType) {
                case "COMMAND" -> result.putObject("command").put("exit_code", 0);
                case "HTTP" -> result.putObject("http").put("status_code", 200);
                default -> result.putObject("tcp").put("succeeded", true);
            }
        }
        if (!results.isEmpty()) {
            cluster.agentUpdate(task, "TASK_RUNNING", "checked", results);
        }
    }

    /** Takes a resource for a task or executor: a reservation of ours nobody uses, or unreserved resources. */
    private void hold(FakeAgent agent, JsonNode resource, Set<String> inUse) {
        String id = FakeAgent.resourceId(resource);
        if (id == null) {
            agent.take(resource);
            return;
        }
        JsonNode held = agent.reserved.stream().filter(r -> id.equals(FakeAgent.resourceId(r))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no reservation " + id + " on " + agent.id));
        if (!inUse.add(id)) {
            throw new IllegalStateException("reservation " + id + " is in use");
        }
        if (!held.path("disk").path("persistence").equals(resource.path("disk").path("persistence"))) {
            throw new IllegalStateException("volume of " + id + " differs: " + held.path("disk") + " vs " + resource.path("disk"));
        }
    }

    private void error(JsonNode taskInfos, FakeAgent agent, String message) {
        taskInfos.forEach(t -> cluster.masterUpdate(Wire.idOf(t, "task_id").orElseThrow(), agent.id, "TASK_ERROR",
                "REASON_TASK_GROUP_INVALID", message));
    }

    private void dropLaunches(JsonNode operations, String state, String reason, String message) {
        for (JsonNode operation : operations) {
            operation.path("launch_group").path("task_group").path("tasks").forEach(t -> cluster.masterUpdate(
                    Wire.idOf(t, "task_id").orElseThrow(), null, state, reason, message));
        }
    }
}
