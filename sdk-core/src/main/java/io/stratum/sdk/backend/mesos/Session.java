package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The subscription to the leading master: SUBSCRIBE on a long-lived connection, the event stream,
 * and the way back after it is lost.
 *
 * <p>The stream is lost when it ends or breaks, when nothing arrives for {@code heartbeatMisses}
 * heartbeat intervals (a network partition need not break the connection), when no SUBSCRIBED
 * arrives within the subscribe timeout, or on an ERROR event. Then the session reports it, waits
 * (exponential backoff from {@code backoffInitial}, doubling up to {@code backoffMax}; reset by a
 * SUBSCRIBED) and subscribes again, with the framework id by then known, at the same master, or
 * at the one the detector names if that master could not be reached. A {@code 307} answer moves
 * the session to the master its {@code Location} names at once.
 *
 * <p>All its work, and every {@link Handler} call, happens on the one thread it is given; events
 * of a stream given up are dropped. {@link #master()} and {@link #streamId()} may be read anywhere.
 */
final class Session {
    private static final System.Logger LOG = System.getLogger(Session.class.getName());
    private static final int MAX_REDIRECTS = 5;
    private static final double DEFAULT_HEARTBEAT_SECONDS = 15;

    /** What the session needs from its owner; called on the session's thread. */
    interface Handler {
        /** @return the SUBSCRIBE call to send now */
        ObjectNode subscribeCall();

        /** An event of the current stream, SUBSCRIBED first. */
        void event(JsonNode event);

        /** The subscribed stream was lost; the session subscribes again by itself. */
        void disconnected(String reason);
    }

    /** Timeouts and limits; see the class description. */
    record Timing(Duration backoffInitial, Duration backoffMax, int heartbeatMisses, Duration subscribeTimeout,
            long maxEventBytes) {}

    /**
     * How the session reaches the leading master.
     *
     * @param detector finds the leader when the session knows none, or cannot reach the one it knew
     * @param client   sends SUBSCRIBE
     */
    record Masters(MasterDetector detector, MasterClient client) {}

    private final ScheduledExecutorService thread;
    private final MasterDetector detector;
    private final MasterClient client;
    private final Timing timing;
    private final InstantSource clock;
    private final Handler handler;

    private volatile URI master;
    private volatile String streamId;
    private volatile Instant lastActivity;
    private volatile int generation;
    private EventStream stream;
    private CompletableFuture<?> response;
    private Instant attemptStarted;
    private boolean subscribed;
    private double heartbeatSeconds = DEFAULT_HEARTBEAT_SECONDS;
    private int failures;
    private int redirects;
    private boolean closed;

    Session(ScheduledExecutorService thread, Masters masters, Timing timing, InstantSource clock, Handler handler) {
        this.thread = thread;
        this.detector = masters.detector();
        this.client = masters.client();
        this.timing = timing;
        this.clock = clock;
        this.handler = handler;
    }

    /** Subscribes, and keeps watching the stream every {@code watchPeriod}. */
    void start(Duration watchPeriod) {
        thread.execute(this::connect);
        thread.scheduleWithFixedDelay(this::watch, watchPeriod.toMillis(), watchPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return the master subscribed to (or being subscribed to), if known */
    Optional<URI> master() {
        return Optional.ofNullable(master);
    }

    /** @return the current stream's id, present only while subscribed */
    Optional<String> streamId() {
        return Optional.ofNullable(streamId);
    }

    /** Stops for good: closes the stream, subscribes no more. On the session's thread. */
    void close() {
        closed = true;
        drop();
    }

    private void connect() {
        if (closed) {
            return;
        }
        int attempt = ++generation;
        URI target = master;
        if (target == null) {
            try {
                target = detector.leader();
            } catch (IOException | RuntimeException e) {
                lost(attempt, "cannot find the leading Mesos master: " + e.getMessage());
                return;
            }
            master = target;
        }
        attemptStarted = clock.instant();
        lastActivity = attemptStarted;
        EventStream events = new EventStream(timing.maxEventBytes(),
                event -> thread.execute(() -> event(attempt, event)),
                () -> {
                    if (attempt == generation) {
                        lastActivity = clock.instant();
                    }
                },
                reason -> thread.execute(() -> lost(attempt, reason)));
        stream = events;
        URI from = target;
        LOG.log(System.Logger.Level.DEBUG, "subscribing at " + from);
        CompletableFuture<HttpResponse<String>> sent = client.subscribe(from, handler.subscribeCall(), info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
            }
            info.headers().firstValue(MasterClient.STREAM_ID).ifPresent(events::streamId);
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.fromSubscriber(events), v -> "");
        });
        response = sent;
        sent.whenComplete((answer, error) -> thread.execute(() -> answered(attempt, from, answer, error)));
    }

    /** The SUBSCRIBE request's answer: a redirect or a refusal (a stream's end is the stream's to report). */
    private void answered(int attempt, URI from, HttpResponse<String> answer, Throwable error) {
        if (attempt != generation || closed) {
            return;
        }
        if (error != null) {
            master = null; // unreachable: ask the detector next time
            lost(attempt, "cannot subscribe at " + from + ": " + error);
        } else if (answer.statusCode() == 307 && answer.headers().firstValue("Location").isPresent()) {
            URI leader = MasterDetector.redirect(from, answer.headers().firstValue("Location").get());
            if (++redirects > MAX_REDIRECTS) {
                master = null;
                lost(attempt, "more than " + MAX_REDIRECTS + " redirects, the last from " + from + " to " + leader);
                return;
            }
            LOG.log(System.Logger.Level.INFO, "master " + from + " is not the leader: subscribing at " + leader);
            drop();
            master = leader;
            connect();
        } else if (answer.statusCode() != 200) {
            master = null; // perhaps no longer a master: ask the detector next time
            lost(attempt, "master " + from + " refused the subscription: " + answer.statusCode() + " " + answer.body());
        }
    }

    private void event(int attempt, JsonNode event) {
        if (attempt != generation || closed) {
            return;
        }
        try {
            dispatch(attempt, event);
        } catch (RuntimeException e) {
            // A bad event (or a listener that throws) must not stop the stream: log it and go on.
            LOG.log(System.Logger.Level.ERROR, "cannot handle a " + event.path("type").asText() + " event: " + e, e);
        }
    }

    private void dispatch(int attempt, JsonNode event) {
        String type = event.path("type").asText();
        if (!subscribed && !"SUBSCRIBED".equals(type)) {
            LOG.log(System.Logger.Level.WARNING, "ignored a " + type + " event before SUBSCRIBED");
            return;
        }
        if ("SUBSCRIBED".equals(type)) {
            subscribed = true;
            failures = 0;
            redirects = 0;
            JsonNode interval = event.path("subscribed").path("heartbeat_interval_seconds");
            heartbeatSeconds = interval.isNumber() && interval.asDouble() > 0 ? interval.asDouble() : DEFAULT_HEARTBEAT_SECONDS;
            streamId = stream.streamId().orElse(null);
            if (streamId == null) {
                LOG.log(System.Logger.Level.WARNING, "the master sent no " + MasterClient.STREAM_ID + " header");
            }
        }
        handler.event(event);
        if ("ERROR".equals(type)) {
            lost(attempt, "the master sent an error: " + event.path("error").path("message").asText());
        }
    }

    /** Gives up the stream of {@code attempt} and subscribes again after the backoff. */
    private void lost(int attempt, String reason) {
        if (attempt != generation || closed) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, (subscribed ? "lost the Mesos subscription: " : "cannot subscribe: ") + reason);
        boolean wasSubscribed = subscribed;
        drop();
        redirects = 0;
        if (wasSubscribed) {
            try {
                handler.disconnected(reason);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "the listener failed on a disconnection: " + e, e);
            }
        }
        long delay = Math.min(timing.backoffMax().toMillis(), timing.backoffInitial().toMillis() << Math.min(failures, 20));
        failures++;
        thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Closes the current stream (if any); its events and end are ignored from now on. */
    private void drop() {
        generation++;
        subscribed = false;
        streamId = null;
        attemptStarted = null;
        if (stream != null) {
            stream.cancel();
            stream = null;
        }
        if (response != null) {
            response.cancel(true);
            response = null;
        }
    }

    private void watch() {
        if (closed || attemptStarted == null) {
            return;
        }
        Instant now = clock.instant();
        if (subscribed) {
            Duration silence = Duration.between(lastActivity, now);
            double allowed = heartbeatSeconds * timing.heartbeatMisses();
            if (silence.toMillis() > allowed * 1000) {
                lost(generation, "nothing from the master for " + silence.toMillis() + " ms (" + timing.heartbeatMisses()
                        + " heartbeats of " + heartbeatSeconds + " s missed)");
            }
        } else if (Duration.between(attemptStarted, now).compareTo(timing.subscribeTimeout()) > 0) {
            lost(generation, "no SUBSCRIBED from " + master + " within " + timing.subscribeTimeout().toMillis() + " ms");
        }
    }
}
