package io.stratum.sdk.internal.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * How a persister node's value sits in a ZooKeeper node's data. One leading byte tells the forms
 * apart, so that an empty value and no value differ:
 * <ul>
 *   <li>no data: the node has no value (a parent);</li>
 *   <li>{@code 0x01} then the value: a value stored inline;</li>
 *   <li>{@code 0x02} then a {@link BlobRef}: a value too large for one node, stored in chunks.</li>
 * </ul>
 */
sealed interface StoredValue {
    byte INLINE = 1;
    byte CHUNKED = 2;
    byte CHUNKED_FORMAT = 1;

    /** The node has no value. */
    record None() implements StoredValue {}

    /** The value itself. */
    record Inline(byte[] value) implements StoredValue {}

    /** Where the chunks of the value are. */
    record Chunked(BlobRef blob) implements StoredValue {}

    /** @return the node data for a value stored inline */
    static byte[] inline(byte[] value) {
        byte[] data = new byte[value.length + 1];
        data[0] = INLINE;
        System.arraycopy(value, 0, data, 1, value.length);
        return data;
    }

    /** @return the node data pointing at {@code blob} */
    static byte[] chunked(BlobRef blob) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(CHUNKED);
            out.writeByte(CHUNKED_FORMAT);
            out.writeUTF(blob.id());
            out.writeLong(blob.length());
            out.writeInt(blob.chunks());
            out.writeLong(blob.crc32());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return what {@code data}, read from the node at {@code path}, holds */
    static StoredValue decode(byte[] data, String path) {
        if (data == null || data.length == 0) {
            return new None();
        }
        if (data[0] == INLINE) {
            return new Inline(Arrays.copyOfRange(data, 1, data.length));
        }
        if (data[0] == CHUNKED && data.length > 1 && data[1] == CHUNKED_FORMAT) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 2, data.length - 2))) {
                return new Chunked(new BlobRef(in.readUTF(), in.readLong(), in.readInt(), in.readLong()));
            } catch (IOException | IllegalArgumentException e) {
                throw corrupt(path, "a damaged chunk manifest", e);
            }
        }
        throw corrupt(path, "data not written by Stratum (leading byte " + data[0] + ")", null);
    }

    /** @return the blob {@code data} points at, or null if it holds none (or cannot be read) */
    static BlobRef blobOf(byte[] data) {
        try {
            return decode(data, "") instanceof Chunked c ? c.blob() : null;
        } catch (PersisterException e) {
            return null;
        }
    }

    private static PersisterException corrupt(String path, String what, Exception cause) {
        return new PersisterException(PersisterException.Reason.CORRUPT, path, "node " + path + " holds " + what, cause);
    }
}
