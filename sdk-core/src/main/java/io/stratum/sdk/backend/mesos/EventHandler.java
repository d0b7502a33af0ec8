package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the master's events into the listener's: SUBSCRIBED → registered, OFFERS → offers (what
 * we can use of them), RESCIND → rescinded, UPDATE → a status update, FAILURE of an agent → agent
 * lost. HEARTBEAT only proves the stream alive; MESSAGE, the failure of an executor (its tasks'
 * updates follow) and events we do not use are logged. A lost stream takes its offers with it:
 * each is rescinded, then {@link BackendListener#disconnected()}. Called on the session's thread.
 *
 * @param framework the framework, as it subscribes
 * @param state     what the backend remembers of offers, tasks and executors
 * @param offers    reads offers
 * @param clock     the time of status updates
 * @param hooks     who hears of the events
 */
record EventHandler(FrameworkSettings framework, FrameworkState state, OfferJson offers, InstantSource clock, Hooks hooks)
        implements Session.Handler {
    private static final System.Logger LOG = System.getLogger(EventHandler.class.getName());

    /**
     * Who hears of the events, once the framework state has taken them in.
     *
     * @param listener   the backend's listener
     * @param subscribed called on each SUBSCRIBED, before the listener hears of it
     * @param taskEnded  called with a task's id on its terminal update, before the listener hears of it
     */
    record Hooks(BackendListener listener, Runnable subscribed, Consumer<String> taskEnded) {}

    @Override
    public ObjectNode subscribeCall() {
        return Calls.subscribe(framework, state.frameworkId(), state.suppressed() ? framework.roles().all() : List.of());
    }

    @Override
    public void event(JsonNode event) {
        String type = event.path("type").asText();
        switch (type) {
            case "SUBSCRIBED" -> subscribed(event.path("subscribed"));
            case "OFFERS" -> offers(event.path("offers").path("offers"));
            case "RESCIND" -> Wire.idOf(event.path("rescind"), "offer_id").ifPresent(id -> {
                state.take(id);
                hooks.listener().rescinded(id);
            });
            case "UPDATE" -> update(event.path("update").path("status"));
            case "FAILURE" -> failure(event.path("failure"));
            case "HEARTBEAT" -> { }
            case "ERROR" -> LOG.log(System.Logger.Level.ERROR, "Mesos master error: " + event.path("error").path("message").asText());
            case "MESSAGE" -> LOG.log(System.Logger.Level.DEBUG, "ignored a message from executor "
                    + Wire.idOf(event.path("message"), "executor_id").orElse("?"));
            default -> LOG.log(System.Logger.Level.DEBUG, "ignored a " + type + " event");
        }
    }

    @Override
    public void disconnected(String reason) {
        state.takeAll().forEach(hooks.listener()::rescinded);
        hooks.listener().disconnected();
    }

    private void subscribed(JsonNode subscribed) {
        String id = Wire.idOf(subscribed, "framework_id")
                .orElseThrow(() -> new IllegalStateException("SUBSCRIBED without a framework id"));
        Optional<String> before = state.frameworkId();
        state.frameworkId(id);
        LOG.log(System.Logger.Level.INFO, (before.isPresent() ? "re-subscribed" : "subscribed") + " as framework " + id);
        hooks.subscribed().run();
        hooks.listener().registered(id);
    }

    private void offers(JsonNode list) {
        List<Offer> usable = new ArrayList<>();
        for (JsonNode json : list) {
            try {
                OfferJson.Received offer = offers.fromJson(json);
                state.offered(offer);
                usable.add(offer.offer());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ignored an offer we cannot read: " + e.getMessage());
            }
        }
        if (!usable.isEmpty()) {
            hooks.listener().offers(usable);
        }
    }

    private void update(JsonNode status) {
        TaskStatusUpdate update = read(status);
        update.agentId().ifPresent(agent -> state.taskOn(update.taskId(), agent));
        state.executors().status(update.taskId(), Wire.idOf(status, "executor_id"), update.agentId(),
                update.status().state());
        if (update.status().state().isTerminal()) {
            hooks.taskEnded().accept(update.taskId());
        }
        hooks.listener().statusUpdate(update);
    }

    /**
     * A task launched but never heard of from an agent, which the master does not know
     * ({@code TASK_UNKNOWN}: its launch was dropped, or lost with a master or a connection before it
     * was applied), is DROPPED: nothing of its launch can be relied on, and nothing of it runs.
     */
    private TaskStatusUpdate read(JsonNode status) {
        TaskStatusUpdate update = StatusJson.fromJson(status, clock.instant());
        String source = status.path("source").asText();
        if ("SOURCE_AGENT".equals(source) || "SOURCE_EXECUTOR".equals(source)) {
            state.heardOf(update.taskId());
        } else if ("TASK_UNKNOWN".equals(status.path("state").asText()) && state.neverHeardOf(update.taskId())) {
            TaskStatus was = update.status();
            return new TaskStatusUpdate(new TaskStatus(was.taskId(), TaskState.DROPPED, was.health(), was.readiness(),
                    "never launched: " + was.message(), was.timestamp()), update.agentId(), update.ackId());
        }
        return update;
    }

    private void failure(JsonNode failure) {
        Optional<String> agent = Wire.idOf(failure, "agent_id");
        Optional<String> executor = Wire.idOf(failure, "executor_id");
        if (executor.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "executor " + executor.get() + " on " + agent.orElse("?") + " ended"
                    + (failure.has("status") ? " with status " + failure.path("status").asInt() : ""));
        } else if (agent.isPresent()) {
            state.agentLost(agent.get());
            state.executors().agentLost(agent.get());
            hooks.listener().agentLost(agent.get());
        }
    }
}
