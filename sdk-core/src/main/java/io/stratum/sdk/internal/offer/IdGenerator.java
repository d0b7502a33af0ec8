package io.stratum.sdk.internal.offer;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the unique ids of task launches, reservations ({@code resource_id}) and persistent volumes.
 * Ids must never repeat, across scheduler restarts too. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface IdGenerator {

    /** @return a new id starting with {@code prefix} */
    String next(String prefix);

    /**
     * @return the default: a random 64-bit base drawn once (so restarts don't collide) and a
     *     counter, e.g. {@code node-2-server__3f9a1c0de2b4a711-17}; cheap enough for large batches
     */
    static IdGenerator unique() {
        String base = Long.toHexString(new SecureRandom().nextLong() | Long.MIN_VALUE);
        AtomicLong counter = new AtomicLong();
        return prefix -> prefix + "__" + base + "-" + counter.incrementAndGet();
    }

    /** @return predictable ids {@code <prefix>__1}, {@code <prefix>__2}, ..., for tests */
    static IdGenerator sequential() {
        AtomicLong counter = new AtomicLong();
        return prefix -> prefix + "__" + counter.incrementAndGet();
    }
}
