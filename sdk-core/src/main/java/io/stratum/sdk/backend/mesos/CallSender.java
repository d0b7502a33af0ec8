package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Sends calls to the subscribed master one at a time, in the order they were made (a REVIVE must
 * not overtake the SUPPRESS before it), each on a connection other than the event stream's and
 * with the stream's id. Each call is built only when it is sent, from the framework id then known.
 *
 * <p>While not subscribed, the master would refuse calls (403). Most are dropped then, as what
 * they asked for is asked again after re-subscribing: the scheduler reconciles, Mesos sends
 * unacknowledged updates again, offers are new, suppression is part of SUBSCRIBE. A call made to
 * be {@code kept} (a kill: the scheduler kills each task once) waits, and is sent right after the
 * next SUBSCRIBED. Failures are logged, never thrown.
 */
final class CallSender {
    private static final System.Logger LOG = System.getLogger(CallSender.class.getName());

    private final ExecutorService thread;
    private final MasterClient client;
    private final Session session;
    private final FrameworkState state;
    private final List<Function<String, ObjectNode>> kept = new ArrayList<>();

    CallSender(ExecutorService thread, MasterClient client, Session session, FrameworkState state) {
        this.thread = thread;
        this.client = client;
        this.session = session;
        this.state = state;
    }

    /**
     * Queues a call; returns at once.
     *
     * @param call builds the call from the framework id
     * @param keep whether to keep the call, if not subscribed, until the next subscription
     */
    void send(Function<String, ObjectNode> call, boolean keep) {
        try {
            thread.execute(() -> sendNow(call, keep));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "the backend is closed: dropped a call");
        }
    }

    /** Subscribed (again): sends the calls kept meanwhile. */
    void subscribed() {
        send(id -> null, false);
    }

    private void sendNow(Function<String, ObjectNode> call, boolean keep) {
        Optional<String> frameworkId = state.frameworkId();
        Optional<URI> master = session.master();
        Optional<String> streamId = session.streamId();
        if (frameworkId.isEmpty() || master.isEmpty() || streamId.isEmpty()) {
            if (keep) {
                kept.add(call);
            } else {
                LOG.log(System.Logger.Level.DEBUG, "not subscribed: dropped a call");
            }
            return;
        }
        List<Function<String, ObjectNode>> calls = new ArrayList<>(kept);
        kept.clear();
        calls.add(call);
        for (Function<String, ObjectNode> each : calls) {
            ObjectNode built = each.apply(frameworkId.get());
            if (built != null) {
                post(master.get(), streamId.get(), built);
            }
        }
    }

    private void post(URI master, String streamId, ObjectNode call) {
        String type = call.path("type").asText();
        try {
            MasterClient.Answer answer = client.call(master, call, streamId);
            if (answer.status() / 100 != 2) {
                LOG.log(System.Logger.Level.WARNING, "master " + master + " answered a " + type + " call with "
                        + answer.status() + answer.location().map(l -> " (Location: " + l + ")").orElse("") + ": "
                        + answer.body());
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot send a " + type + " call to " + master + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
