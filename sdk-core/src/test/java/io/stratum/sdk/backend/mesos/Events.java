package io.stratum.sdk.backend.mesos;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend listener that records every event and (unless told not to) acknowledges each update
 * through the backend, as the scheduler does. Notes whether two calls ever overlapped.
 */
final class Events implements BackendListener {
    final List<String> registrations = new CopyOnWriteArrayList<>();
    final List<Offer> offers = new CopyOnWriteArrayList<>();
    final List<String> rescinds = new CopyOnWriteArrayList<>();
    final List<TaskStatusUpdate> updates = new CopyOnWriteArrayList<>();
    final List<String> lostAgents = new CopyOnWriteArrayList<>();
    final AtomicInteger disconnects = new AtomicInteger();
    private final AtomicInteger inCall = new AtomicInteger();
    volatile boolean overlapped;
    volatile ClusterBackend backend;
    volatile boolean acknowledging = true;

    @Override
    public void registered(String frameworkId) {
        call(() -> registrations.add(frameworkId));
    }

    @Override
    public void offers(List<Offer> made) {
        call(() -> offers.addAll(made));
    }

    @Override
    public void rescinded(String offerId) {
        call(() -> rescinds.add(offerId));
    }

    @Override
    public void statusUpdate(TaskStatusUpdate update) {
        call(() -> {
            updates.add(update);
            if (acknowledging && backend != null) {
                backend.acknowledge(update);
            }
        });
    }

    @Override
    public void agentLost(String agentId) {
        call(() -> lostAgents.add(agentId));
    }

    @Override
    public void disconnected() {
        call(disconnects::incrementAndGet);
    }

    /** @return the latest offer of {@code agentId} not rescinded */
    Optional<Offer> latestOffer(String agentId) {
        List<Offer> all = List.copyOf(offers);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).agent().id().equals(agentId) && !rescinds.contains(all.get(i).id())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** @return the updates of {@code taskId} in {@code state} */
    List<TaskStatusUpdate> updates(String taskId, TaskState state) {
        return updates.stream().filter(u -> u.taskId().equals(taskId) && u.status().state() == state).toList();
    }

    private void call(Runnable body) {
        if (inCall.incrementAndGet() > 1) {
            overlapped = true;
        }
        try {
            body.run();
        } finally {
            inCall.decrementAndGet();
        }
    }
}
