package io.stratum.sdk.internal.state;

import java.util.Objects;

/**
 * A value kept in chunks under {@code /blobs/<id>/0..chunks-1}, written before the transaction that
 * makes a node point at it, and deleted after the one that stops pointing at it.
 *
 * @param id     a random UUID
 * @param length the value's length in bytes
 * @param chunks how many chunk nodes there are (at least 1)
 * @param crc32  the CRC-32 of the whole value, checked on every read
 */
record BlobRef(String id, long length, int chunks, long crc32) {
    BlobRef {
        Objects.requireNonNull(id, "id");
        if (length < 0 || chunks < 1) {
            throw new IllegalArgumentException("bad blob manifest: length " + length + ", chunks " + chunks);
        }
    }
}
