package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends calls to the subscribed master one at a time, in the order they were made (a REVIVE must
 * not overtake the SUPPRESS before it), each on a connection other than the event stream's and
 * with the stream's id. A call made while not subscribed is dropped: the master would refuse it
 * (403), and what it asked for is asked again after re-subscribing (the scheduler reconciles,
 * unacknowledged updates are sent again, offers are new). Failures are logged, never thrown.
 */
final class CallSender {
    private static final System.Logger LOG = System.getLogger(CallSender.class.getName());

    private final ExecutorService thread;
    private final MasterClient client;
    private final Session session;

    CallSender(ExecutorService thread, MasterClient client, Session session) {
        this.thread = thread;
        this.client = client;
        this.session = session;
    }

    /** Queues {@code call}; returns at once. */
    void send(ObjectNode call) {
        try {
            thread.execute(() -> sendNow(call));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "the backend is closed: dropped a " + type(call) + " call");
        }
    }

    private void sendNow(ObjectNode call) {
        Optional<URI> master = session.master();
        Optional<String> streamId = session.streamId();
        if (master.isEmpty() || streamId.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "not subscribed: dropped a " + type(call) + " call");
            return;
        }
        try {
            MasterClient.Answer answer = client.call(master.get(), call, streamId.get());
            if (answer.status() / 100 != 2) {
                LOG.log(System.Logger.Level.WARNING, "master " + master.get() + " answered a " + type(call) + " call with "
                        + answer.status() + answer.location().map(l -> " (Location: " + l + ")").orElse("") + ": "
                        + answer.body());
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot send a " + type(call) + " call to " + master.get() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String type(ObjectNode call) {
        return call.path("type").asText();
    }
}
