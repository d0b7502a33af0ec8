package io.stratum.sdk.placement;

import java.util.List;

/**
 * One constraint as read from either syntax, before its parts are checked.
 *
 * @param parts the field, operator and value tokens as written; any number of them
 * @param source the whole constraint as written, for locating errors about it
 */
record RawConstraint(List<Token> parts, Token source) {

    RawConstraint {
        parts = List.copyOf(parts);
    }

    /** @return the decoded parts in canonical JSON, e.g. {@code ["hostname"]}, for messages */
    String describe() {
        return JsonText.list(parts.stream().map(Token::value).toList());
    }
}
