package io.stratum.sdk.placement;

import java.util.Objects;

/**
 * Placement text that does not parse, located within that text.
 *
 * <p>The {@linkplain #getMessage() message} names the offending token in quotes (for example
 * {@code unknown operator 'UNIQ' (did you mean 'UNIQUE'?)}) but never repeats the whole input:
 * callers such as the spec loader add the file, line and column themselves. Messages about
 * structure (brackets, quotes, commas) also mention a column, counted from 1 within the placement
 * text; {@link #offset()} is the same position counted from 0.
 *
 * <p>{@link #token()} is the token exactly as written, so
 * {@code text.substring(offset(), offset() + token().length())} equals it. It is empty when the
 * problem is something missing (for example an empty constraint between two commas).
 */
public final class PlacementSyntaxException extends Exception {

    private final int offset;
    private final String token;

    /**
     * @param message human description naming the bad token, without the surrounding input
     * @param offset 0-based character offset of the token in the parsed text, at least 0
     * @param token the token as written in the input, possibly empty
     */
    public PlacementSyntaxException(String message, int offset, String token) {
        super(Objects.requireNonNull(message, "message"));
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        this.offset = offset;
        this.token = Objects.requireNonNull(token, "token");
    }

    /** @return 0-based character offset of the bad token in the parsed text */
    public int offset() {
        return offset;
    }

    /** @return the bad token exactly as written in the input; empty if something is missing */
    public String token() {
        return token;
    }
}
