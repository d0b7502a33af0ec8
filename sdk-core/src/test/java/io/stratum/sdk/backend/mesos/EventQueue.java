package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One subscriber's event stream in the test master: events queued as RecordIO records
 * ({@code <length>\n<json>}), written out by the HTTP handler that holds the connection. Every
 * event is first checked against the official {@code mesos.v1.scheduler.Event} schema, so the
 * test master speaks the protocol it claims to. Thread-safe.
 */
final class EventQueue {
    private static final byte[] END = new byte[0];

    final String streamId;
    private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    EventQueue(String streamId) {
        this.streamId = streamId;
    }

    void send(ObjectNode event) {
        String json = event.toString();
        ProtoCheck.event(json);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream record = new ByteArrayOutputStream(bytes.length + 12);
        record.writeBytes((bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
        record.writeBytes(bytes);
        if (!closed) {
            queue.add(record.toByteArray());
        }
    }

    /** Ends the stream: the handler closes the connection after what is queued. */
    void close() {
        closed = true;
        queue.add(END);
    }

    boolean isClosed() {
        return closed;
    }

    /** @return the next record, null on a timeout, or an empty array once the stream is over */
    byte[] next(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }
}
