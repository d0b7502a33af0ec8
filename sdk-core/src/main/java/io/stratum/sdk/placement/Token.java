package io.stratum.sdk.placement;

/**
 * A piece of placement text: its decoded value, where it starts and how it was written.
 *
 * @param value the text after removing quotes and escapes
 * @param offset 0-based offset of the first character of {@code raw} in the input
 * @param raw the token exactly as written, including any quotes and escapes
 */
record Token(String value, int offset, String raw) {

    PlacementSyntaxException error(String message) {
        return new PlacementSyntaxException(message, offset, raw);
    }

    /** @return 1-based column of the token, for messages */
    int column() {
        return offset + 1;
    }
}
