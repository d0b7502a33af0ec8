package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A listener that remembers every event, in order, and can react to offers (as a scheduler would). */
final class RecordingListener implements BackendListener {
    final List<String> events = new ArrayList<>();
    final List<String> registrations = new ArrayList<>();
    final List<List<Offer>> offerBatches = new ArrayList<>();
    final List<String> rescinded = new ArrayList<>();
    final List<TaskStatusUpdate> updates = new ArrayList<>();
    final List<String> lostAgents = new ArrayList<>();
    private Consumer<List<Offer>> onOffers = offers -> { };
    private Consumer<TaskStatusUpdate> onUpdate = update -> { };

    RecordingListener onOffers(Consumer<List<Offer>> reaction) {
        this.onOffers = reaction;
        return this;
    }

    RecordingListener onUpdate(Consumer<TaskStatusUpdate> reaction) {
        this.onUpdate = reaction;
        return this;
    }

    @Override
    public void registered(String frameworkId) {
        events.add("registered " + frameworkId);
        registrations.add(frameworkId);
    }

    @Override
    public void offers(List<Offer> offers) {
        events.add("offers " + offers.size());
        offerBatches.add(offers);
        onOffers.accept(offers);
    }

    @Override
    public void rescinded(String offerId) {
        events.add("rescinded " + offerId);
        rescinded.add(offerId);
    }

    @Override
    public void statusUpdate(TaskStatusUpdate update) {
        events.add("status " + update.taskId() + " " + update.status().state());
        updates.add(update);
        onUpdate.accept(update);
    }

    @Override
    public void agentLost(String agentId) {
        events.add("agentLost " + agentId);
        lostAgents.add(agentId);
    }

    /** @return the offers of the last batch */
    List<Offer> lastOffers() {
        return offerBatches.isEmpty() ? List.of() : offerBatches.get(offerBatches.size() - 1);
    }

    /** @return the states reported for {@code taskId}, in order */
    List<TaskState> states(String taskId) {
        return updates.stream().filter(u -> u.taskId().equals(taskId)).map(u -> u.status().state()).toList();
    }

    /** @return the last update about {@code taskId} */
    TaskStatusUpdate last(String taskId) {
        List<TaskStatusUpdate> about = updates.stream().filter(u -> u.taskId().equals(taskId)).toList();
        if (about.isEmpty()) {
            throw new AssertionError("no update about " + taskId + " in " + events);
        }
        return about.get(about.size() - 1);
    }
}
