package io.stratum.sdk.internal.scheduler.crash;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import java.util.List;

/**
 * Forwards events to a scheduler until it has handled a given number, then behaves like a dead
 * process: every later event is dropped (unacknowledged status updates come back when the next
 * scheduler registers; offers are simply lost).
 */
final class CrashingListener implements BackendListener {
    private final BackendListener scheduler;
    private int remaining;

    CrashingListener(BackendListener scheduler, int events) {
        this.scheduler = scheduler;
        this.remaining = events;
    }

    /** The scheduler dies now: it hears of nothing more. */
    void crashNow() {
        remaining = 0;
    }

    boolean crashed() {
        return remaining <= 0;
    }

    /** Hands {@code event} to the scheduler while it is alive, counting it. */
    private void forward(Runnable event) {
        if (remaining > 0) {
            remaining--;
            event.run();
        }
    }

    @Override
    public void registered(String frameworkId) {
        forward(() -> scheduler.registered(frameworkId));
    }

    @Override
    public void offers(List<Offer> offers) {
        forward(() -> scheduler.offers(offers));
    }

    @Override
    public void rescinded(String offerId) {
        forward(() -> scheduler.rescinded(offerId));
    }

    @Override
    public void statusUpdate(TaskStatusUpdate update) {
        forward(() -> scheduler.statusUpdate(update));
    }

    @Override
    public void agentLost(String agentId) {
        forward(() -> scheduler.agentLost(agentId));
    }
}
