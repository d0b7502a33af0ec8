package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskStatusUpdate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The events waiting for the listener, in order. Events are queued only while a listener is
 * attached (a scheduler that is not connected misses them, as it would on a real cluster).
 * Delivery is re-entrant safe: events the listener causes while being called are queued and
 * handed over by the same delivery, up to a limit that catches endless ping-pong.
 */
final class EventQueue {
    private final ArrayDeque<Consumer<BackendListener>> queue = new ArrayDeque<>();
    private final int maxPerDelivery;
    private BackendListener listener;
    private boolean delivering;

    EventQueue(int maxPerDelivery) {
        this.maxPerDelivery = maxPerDelivery;
    }

    /** Connects a listener; anything queued for an earlier one is dropped. */
    void attach(BackendListener listener) {
        queue.clear();
        this.listener = listener;
    }

    /** Disconnects the listener and drops what was queued for it. */
    void detach() {
        queue.clear();
        listener = null;
    }

    boolean isAttached() {
        return listener != null;
    }

    boolean isDelivering() {
        return delivering;
    }

    void registered(String frameworkId) {
        add(listener -> listener.registered(frameworkId));
    }

    void offers(List<Offer> offers) {
        add(listener -> listener.offers(offers));
    }

    void rescinded(String offerId) {
        add(listener -> listener.rescinded(offerId));
    }

    void status(TaskStatusUpdate update) {
        add(listener -> listener.statusUpdate(update));
    }

    void agentLost(String agentId) {
        add(listener -> listener.agentLost(agentId));
    }

    /** Queues a call of the listener, to be made on delivery. */
    private void add(Consumer<BackendListener> event) {
        if (listener != null) {
            queue.add(event);
        }
    }

    int size() {
        return queue.size();
    }

    /**
     * @return how many events were delivered; 0 if a delivery is under way further up this thread's
     *     stack (that one delivers these events too)
     */
    int deliver() {
        if (delivering || listener == null) {
            return 0;
        }
        delivering = true;
        int delivered = 0;
        try {
            while (!queue.isEmpty() && listener != null) {
                if (delivered == maxPerDelivery) {
                    throw new IllegalStateException("more than " + maxPerDelivery + " events in one delivery, "
                            + queue.size() + " still queued: do the scheduler and the cluster feed each other forever?");
                }
                queue.poll().accept(listener);
                delivered++;
            }
        } finally {
            delivering = false;
        }
        return delivered;
    }
}
