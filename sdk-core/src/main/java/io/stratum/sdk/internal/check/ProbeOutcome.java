package io.stratum.sdk.internal.check;

import java.util.Objects;
import java.util.concurrent.CompletionException;

/**
 * What one probe saw.
 *
 * @param passed whether it passed
 * @param output what to show a person: a command's output, an HTTP status, an error
 */
record ProbeOutcome(boolean passed, String output) {

    ProbeOutcome {
        Objects.requireNonNull(output, "output");
    }

    static ProbeOutcome failed(String output) {
        return new ProbeOutcome(false, output);
    }

    /** @return a message for an exception: its message, else its type */
    static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof CompletionException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
