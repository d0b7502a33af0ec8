package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The body of a SUBSCRIBE response: a RecordIO stream of JSON events, decoded as bytes arrive and
 * handed on one by one, in order. Every chunk counts as a sign of life (a master that streams
 * slowly is alive). The stream ends once: the master closes it, the connection breaks, it turns out
 * not to be RecordIO or JSON, or {@link #cancel()}; the reason is reported, except after a cancel.
 */
final class EventStream implements Flow.Subscriber<List<ByteBuffer>> {
    private final RecordIoDecoder decoder;
    private final Consumer<JsonNode> events;
    private final Runnable alive;
    private final Consumer<String> ended;
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile Flow.Subscription subscription;
    private volatile String streamId;

    /**
     * @param events receives each event, on the HTTP client's thread
     * @param alive  called whenever bytes arrive
     * @param ended  receives why the stream ended
     */
    EventStream(long maxEventBytes, Consumer<JsonNode> events, Runnable alive, Consumer<String> ended) {
        this.decoder = new RecordIoDecoder(maxEventBytes);
        this.events = events;
        this.alive = alive;
        this.ended = ended;
    }

    /** Remembers the {@code Mesos-Stream-Id} header of the response. */
    void streamId(String id) {
        streamId = id;
    }

    Optional<String> streamId() {
        return Optional.ofNullable(streamId);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (over.get()) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> chunks) {
        alive.run();
        try {
            for (ByteBuffer chunk : chunks) {
                for (byte[] record : decoder.decode(chunk)) {
                    if (!over.get()) {
                        events.accept(Wire.JSON.readTree(record));
                    }
                }
            }
        } catch (IOException e) {
            end("the event stream is broken: " + e.getMessage());
            cancel();
            return;
        }
        if (!over.get()) {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        end("the event stream broke: " + error);
    }

    @Override
    public void onComplete() {
        end(decoder.atBoundary() ? "the master closed the event stream"
                : "the master closed the event stream in the middle of an event");
    }

    /** Stops reading; nothing more is reported. */
    void cancel() {
        over.set(true);
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private void end(String reason) {
        if (over.compareAndSet(false, true)) {
            ended.accept(reason);
        }
    }
}
