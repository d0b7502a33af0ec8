package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.backend.TaskState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The default executors we know to be running, one per pod instance at most, with their live
 * tasks. A launch for a pod instance whose executor still runs tasks on the same agent must name
 * that executor with the very same {@code ExecutorInfo} (Mesos refuses a different one); a launch
 * for one without a running executor gets a new executor id.
 *
 * <p>Executor ids are {@code <pod instance>__<uuid>}, so that after a scheduler restart the
 * executor ids in reconciliation answers show which pod instance each executor serves. Thread-safe.
 */
final class ExecutorBook {
    private static final String SEPARATOR = "__";

    /** A running executor: where, its info when we launched it, and its live tasks. */
    private static final class Running {
        final String executorId;
        final String agentId;
        ObjectNode info;
        final Set<String> tasks = new HashSet<>();

        Running(String executorId, String agentId) {
            this.executorId = executorId;
            this.agentId = agentId;
        }
    }

    /** A pod instance's running executor: its id, and its info if this backend launched it. */
    record Existing(String executorId, Optional<ObjectNode> info) {}

    private final Map<String, Running> byPodInstance = new HashMap<>();
    private final Map<String, String> podInstanceOfTask = new HashMap<>();

    /** @return a fresh executor id for {@code podInstance} */
    static String newExecutorId(String podInstance) {
        return podInstance + SEPARATOR + UUID.randomUUID();
    }

    /** @return the running executor of {@code podInstance} on {@code agentId}: its id and (if we launched it) info */
    synchronized Optional<Existing> running(String podInstance, String agentId) {
        Running running = byPodInstance.get(podInstance);
        if (running == null || running.tasks.isEmpty() || !running.agentId.equals(agentId)) {
            return Optional.empty();
        }
        return Optional.of(new Existing(running.executorId, Optional.ofNullable(running.info)));
    }

    /** Records a launch of {@code taskIds} on the executor described by {@code info}. */
    synchronized void launched(String podInstance, String agentId, String executorId, ObjectNode info, Set<String> taskIds) {
        Running running = byPodInstance.get(podInstance);
        if (running == null || !running.executorId.equals(executorId)) {
            running = new Running(executorId, agentId);
            byPodInstance.put(podInstance, running);
        }
        running.info = info;
        running.tasks.addAll(taskIds);
        taskIds.forEach(id -> podInstanceOfTask.put(id, podInstance));
    }

    /** Follows a task status: a live task keeps its executor running, a terminal one leaves it. */
    synchronized void status(String taskId, Optional<String> executorId, Optional<String> agentId, TaskState state) {
        String podInstance = podInstanceOfTask.get(taskId);
        if (podInstance == null && executorId.isPresent() && executorId.get().contains(SEPARATOR)) {
            podInstance = executorId.get().substring(0, executorId.get().lastIndexOf(SEPARATOR));
        }
        if (podInstance == null) {
            return;
        }
        if (state.isTerminal()) {
            podInstanceOfTask.remove(taskId);
            Running running = byPodInstance.get(podInstance);
            if (running != null) {
                running.tasks.remove(taskId);
                if (running.tasks.isEmpty()) {
                    byPodInstance.remove(podInstance);
                }
            }
            return;
        }
        Running running = byPodInstance.get(podInstance);
        if (running == null && executorId.isPresent() && agentId.isPresent()) {
            running = new Running(executorId.get(), agentId.get());
            byPodInstance.put(podInstance, running);
        }
        if (running != null && executorId.map(running.executorId::equals).orElse(true)) {
            running.tasks.add(taskId);
            podInstanceOfTask.put(taskId, podInstance);
        }
    }

    /** Forgets every executor on a lost agent. */
    synchronized void agentLost(String agentId) {
        byPodInstance.values().removeIf(r -> {
            if (r.agentId.equals(agentId)) {
                r.tasks.forEach(podInstanceOfTask::remove);
                return true;
            }
            return false;
        });
    }
}
