package io.stratum.sdk.backend.local;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import java.util.List;
import java.util.function.Consumer;

/**
 * The backend's listener, called from the backend's one thread: events before
 * {@link #connect} and after {@link #disconnect} are dropped, and an exception the listener
 * throws is logged rather than stopping the backend. Not thread-safe: the backend's thread only.
 */
final class ListenerChannel {
    private static final System.Logger LOG = System.getLogger(ListenerChannel.class.getName());

    private BackendListener listener;

    void connect(BackendListener listener) {
        this.listener = listener;
    }

    void disconnect() {
        this.listener = null;
    }

    boolean isConnected() {
        return listener != null;
    }

    void registered(String frameworkId) {
        call("registered", l -> l.registered(frameworkId));
    }

    void offers(List<Offer> offers) {
        if (!offers.isEmpty()) {
            call("offers", l -> l.offers(offers));
        }
    }

    void rescinded(String offerId) {
        call("rescinded", l -> l.rescinded(offerId));
    }

    void statusUpdate(TaskStatusUpdate update) {
        call("statusUpdate", l -> l.statusUpdate(update));
    }

    private void call(String event, Consumer<BackendListener> call) {
        if (listener == null) {
            return;
        }
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the backend listener failed on " + event, e);
        }
    }
}
