package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import java.util.List;

/** Calls the scheduler's event methods directly: for single-threaded backends such as {@code sim}. */
final class DirectListener implements BackendListener {
    private final ServiceScheduler scheduler;

    DirectListener(ServiceScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void registered(String frameworkId) {
        scheduler.onRegistered(frameworkId);
    }

    @Override
    public void offers(List<Offer> offers) {
        scheduler.onOffers(offers);
    }

    @Override
    public void rescinded(String offerId) {
        scheduler.onRescinded(offerId);
    }

    @Override
    public void statusUpdate(TaskStatusUpdate update) {
        scheduler.onStatus(update);
    }

    @Override
    public void agentLost(String agentId) {
        scheduler.onAgentLost(agentId);
    }
}
