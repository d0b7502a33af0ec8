package io.stratum.sdk.backend.sim;

import java.util.Objects;

/**
 * An operation the cluster refused and ignored, as {@link SimClusterView#errors()} lists it. A
 * real cluster manager answers the same mistakes the same way: the operation is dropped, the
 * others of the accept still apply, and the tasks of a refused launch get {@code ERROR} (or
 * {@code LOST} when the offer itself was no longer valid).
 *
 * @param offerIds  the offers the operation was sent with, comma-separated
 * @param operation the kind of operation: {@code RESERVE}, {@code CREATE}, {@code LAUNCH_GROUP},
 *                  {@code UNRESERVE}, {@code DESTROY} or {@code ACCEPT} (the whole call)
 * @param message   why it was refused
 */
public record OperationError(String offerIds, String operation, String message) {
    public OperationError {
        Objects.requireNonNull(offerIds, "offerIds");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(message, "message");
    }
}
