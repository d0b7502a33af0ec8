package io.stratum.sdk.internal.state;

import java.util.Objects;
import java.util.Optional;

/**
 * A failed read or write of durable state.
 *
 * <p>Unchecked on purpose: every call to a {@link Persister} or a store can fail, and almost no
 * caller can repair the failure where it happens. The scheduler's answer to most of them is to stop
 * acting and let a restart (or the standby) take over. The {@link #reason()} tells the cases apart
 * for the callers that can do better, for example treating {@link Reason#NOT_FOUND} as "already
 * gone".
 *
 * <p>When a write fails, nothing of it was applied, with one documented exception:
 * {@link Reason#UNAVAILABLE} raised while a write was in flight, where the store cannot know
 * whether the server applied it before the connection dropped.
 */
public final class PersisterException extends RuntimeException {

    /** Why an operation failed. */
    public enum Reason {
        /** The path does not exist (a delete of a missing node, for instance). */
        NOT_FOUND,
        /** The store could not be reached within the configured timeouts and retries. */
        UNAVAILABLE,
        /** Another writer changed the same nodes concurrently, more often than the retries allowed. */
        CONFLICT,
        /** The stored schema is newer than this code understands, or otherwise incompatible. */
        SCHEMA_MISMATCH,
        /** A batch is too large to be applied atomically; split it. */
        TOO_LARGE,
        /** Stored data is damaged or was not written by Stratum. */
        CORRUPT,
        /** The calling thread was interrupted while waiting; its interrupt flag is set again. */
        INTERRUPTED,
        /**
         * A write of a term of leadership that is over: the scheduler lock node the term was won
         * with is gone (its session expired, the lock was closed or re-joined the election), so
         * another scheduler may lead. Nothing of the write was applied.
         */
        FENCED,
        /** Anything else the underlying store reported; see the cause. */
        FAILED
    }

    private final Reason reason;
    private final String path;

    /**
     * @param reason  why the operation failed
     * @param path    the path concerned, or null if the failure concerns no single path
     * @param message what happened, in words
     * @param cause   the underlying failure, or null
     */
    public PersisterException(Reason reason, String path, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.path = path;
    }

    /** @return a {@link Reason#NOT_FOUND} failure for {@code path} */
    public static PersisterException notFound(String path) {
        return new PersisterException(Reason.NOT_FOUND, path, "no node at " + path, null);
    }

    /** @return why the operation failed */
    public Reason reason() {
        return reason;
    }

    /** @return the path concerned, if the failure concerns a single path */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }
}
