package io.stratum.sdk.backend.mesos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a RecordIO stream, the framing of the Mesos event stream: records of
 * {@code <length in ASCII decimal>\n<length bytes>}, one after another. Bytes arrive in chunks cut
 * anywhere (in a length, between a length and its newline, inside a record), so the decoder keeps
 * its place between calls. Empty lines between records, and empty records, are skipped.
 *
 * <p>A length beyond {@code maxRecordBytes} (or one that is not a number) means the stream is
 * corrupt or not RecordIO at all: the decoder fails rather than trying to buffer it, and stays
 * failed. Not thread-safe: one stream, one caller at a time.
 */
final class RecordIoDecoder {
    private static final int MAX_LENGTH_DIGITS = 19;

    private final long maxRecordBytes;
    private long length;
    private int digits;
    private byte[] record;
    private int filled;
    private String failure;

    /** @param maxRecordBytes the longest record accepted, at least 1 */
    RecordIoDecoder(long maxRecordBytes) {
        if (maxRecordBytes < 1 || maxRecordBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxRecordBytes must be 1 to " + (Integer.MAX_VALUE - 8) + ", got "
                    + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Consumes every remaining byte of {@code chunk}.
     *
     * @return the records completed by this chunk, in order; often none
     * @throws IOException if the stream is not valid RecordIO (this or an earlier chunk)
     */
    List<byte[]> decode(ByteBuffer chunk) throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
        List<byte[]> records = new ArrayList<>(1);
        while (chunk.hasRemaining()) {
            if (record == null) {
                readLength(chunk.get());
            } else {
                int n = Math.min(chunk.remaining(), record.length - filled);
                chunk.get(record, filled, n);
                filled += n;
                if (filled == record.length) {
                    records.add(record);
                    record = null;
                }
            }
        }
        return records;
    }

    /** @return whether the stream ended cleanly so far: not inside a length or a record */
    boolean atBoundary() {
        return failure == null && record == null && digits == 0;
    }

    private void readLength(byte b) throws IOException {
        if (b == '\n') {
            if (digits > 0) {
                startRecord();
            }
            return;
        }
        if (b < '0' || b > '9') {
            throw fail("expected a record length (ASCII digits and a newline), got byte 0x"
                    + Integer.toHexString(b & 0xff) + " after " + digits + " digits");
        }
        if (++digits > MAX_LENGTH_DIGITS) {
            throw fail("a record length has more than " + MAX_LENGTH_DIGITS + " digits");
        }
        length = length * 10 + (b - '0');
        if (length > maxRecordBytes) {
            throw fail("a record of " + length + "+ bytes exceeds the limit of " + maxRecordBytes + " bytes");
        }
    }

    /** Starts reading the record whose length was just read; an empty record (never sent) is skipped. */
    private void startRecord() {
        record = length == 0 ? null : new byte[(int) length];
        filled = 0;
        length = 0;
        digits = 0;
    }

    private IOException fail(String message) {
        failure = "malformed RecordIO stream: " + message;
        return new IOException(failure);
    }
}
