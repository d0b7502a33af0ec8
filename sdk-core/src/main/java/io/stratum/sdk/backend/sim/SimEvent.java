package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import java.util.List;

/** An event waiting in the {@link EventQueue}, and how it reaches the listener. */
sealed interface SimEvent {

    void deliverTo(BackendListener listener);

    record Registered(String frameworkId) implements SimEvent {
        @Override
        public void deliverTo(BackendListener listener) {
            listener.registered(frameworkId);
        }
    }

    record Offers(List<Offer> offers) implements SimEvent {
        @Override
        public void deliverTo(BackendListener listener) {
            listener.offers(offers);
        }
    }

    record Rescinded(String offerId) implements SimEvent {
        @Override
        public void deliverTo(BackendListener listener) {
            listener.rescinded(offerId);
        }
    }

    record Status(TaskStatusUpdate update) implements SimEvent {
        @Override
        public void deliverTo(BackendListener listener) {
            listener.statusUpdate(update);
        }
    }

    record AgentLost(String agentId) implements SimEvent {
        @Override
        public void deliverTo(BackendListener listener) {
            listener.agentLost(agentId);
        }
    }
}
