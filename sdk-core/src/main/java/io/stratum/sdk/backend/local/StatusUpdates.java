package io.stratum.sdk.backend.local;

import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Task status updates on their way to the scheduler. An update with an ack id is kept, and sent
 * again (oldest first) while it is not acknowledged, as a Mesos agent retries; a reconciliation
 * answer carries none and is sent once. Not thread-safe: the backend's thread only.
 */
final class StatusUpdates {
    private record Pending(TaskStatusUpdate update, Instant sentAt) {}

    private final ListenerChannel channel;
    private final InstantSource clock;
    private final Map<String, Pending> unacknowledged = new LinkedHashMap<>();

    StatusUpdates(ListenerChannel channel, InstantSource clock) {
        this.channel = channel;
        this.clock = clock;
    }

    /** Sends an update that must be acknowledged. */
    void send(TaskStatus status, String agentId) {
        TaskStatusUpdate update = new TaskStatusUpdate(status, Optional.of(agentId), Optional.of(UUID.randomUUID().toString()));
        unacknowledged.put(update.ackId().orElseThrow(), new Pending(update, clock.instant()));
        channel.statusUpdate(update);
    }

    /** Sends a reconciliation answer: no ack id, not sent again. */
    void answer(TaskStatus status, Optional<String> agentId) {
        channel.statusUpdate(new TaskStatusUpdate(status, agentId, Optional.empty()));
    }

    /**
     * Forgets an acknowledged update, and the task's older ones too: redelivered after it, they
     * would take the scheduler's view of the task back in time.
     *
     * @return the update acknowledged, unless it was unknown or acknowledged before
     */
    Optional<TaskStatusUpdate> acknowledge(TaskStatusUpdate update) {
        if (update.ackId().isEmpty() || !unacknowledged.containsKey(update.ackId().get())) {
            return Optional.empty();
        }
        Iterator<Map.Entry<String, Pending>> pending = unacknowledged.entrySet().iterator();
        while (pending.hasNext()) {
            Map.Entry<String, Pending> entry = pending.next();
            if (entry.getValue().update().taskId().equals(update.taskId())) {
                pending.remove();
                if (entry.getKey().equals(update.ackId().get())) {
                    return Optional.of(entry.getValue().update());
                }
            }
        }
        throw new IllegalStateException("unreachable: the update was pending");
    }

    /** Sends again every unacknowledged update sent at least {@code after} ago. */
    void redeliver(Duration after) {
        Instant now = clock.instant();
        List<Map.Entry<String, Pending>> due = new ArrayList<>();
        for (Map.Entry<String, Pending> entry : unacknowledged.entrySet()) {
            if (!entry.getValue().sentAt().plus(after).isAfter(now)) {
                due.add(entry);
            }
        }
        for (Map.Entry<String, Pending> entry : due) {
            entry.setValue(new Pending(entry.getValue().update(), now));
            channel.statusUpdate(entry.getValue().update());
        }
    }
}
