package io.stratum.sdk.placement;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the comma-separated syntax: {@code hostname:UNIQUE,rack:LIKE:r[1-3]}.
 *
 * <p>Constraints are separated by {@code ,} and their parts by {@code :}; whitespace around each
 * part is ignored. {@code \,} {@code \:} and {@code \\} stand for the escaped character, so a value
 * may contain separators ({@code rack:LIKE:r\,[0-9]}); any other backslash is kept as written, so
 * regular expressions such as {@code r\d+} need no doubling. An unescaped fourth {@code :} or an
 * empty constraint is an error.
 */
final class CommaListReader {

    private CommaListReader() {
    }

    static List<RawConstraint> read(String text) throws PlacementSyntaxException {
        List<RawConstraint> out = new ArrayList<>();
        int start = 0;
        for (int end : separators(text, 0, text.length(), ',')) {
            out.add(constraint(text, start, end));
            start = end + 1;
        }
        out.add(constraint(text, start, text.length()));
        return out;
    }

    private static RawConstraint constraint(String text, int from, int to)
            throws PlacementSyntaxException {
        Token whole = trimmed(text, from, to);
        if (whole.raw().isEmpty()) {
            // Point just after the preceding comma even if blanks follow it.
            throw new PlacementSyntaxException("empty constraint at column " + (from + 1), from, "");
        }
        List<Integer> colons = separators(text, from, to, ':');
        if (colons.size() > 2) {
            int colon = colons.get(2);
            throw new PlacementSyntaxException("unexpected ':' at column " + (colon + 1)
                    + " (escape it as '\\:' inside a value)", colon, ":");
        }
        List<Token> parts = new ArrayList<>();
        int start = from;
        for (int colon : colons) {
            parts.add(trimmed(text, start, colon));
            start = colon + 1;
        }
        parts.add(trimmed(text, start, to));
        return new RawConstraint(parts, whole);
    }

    /** @return offsets of unescaped {@code separator} characters in {@code text[from, to)} */
    private static List<Integer> separators(String text, int from, int to, char separator) {
        List<Integer> found = new ArrayList<>();
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == separator) {
                found.add(i);
            }
        }
        return found;
    }

    /** @return {@code text[from, to)} without surrounding whitespace, escapes decoded */
    private static Token trimmed(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        // Whitespace right after a backslash is part of the escape's text, so keep it.
        while (to > from && Character.isWhitespace(text.charAt(to - 1)) && !escaped(text, from, to - 1)) {
            to--;
        }
        String raw = text.substring(from, to);
        return new Token(unescape(raw), from, raw);
    }

    private static boolean escaped(String text, int from, int index) {
        int backslashes = 0;
        for (int i = index - 1; i >= from && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String unescape(String raw) {
        StringBuilder value = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                if (next != ',' && next != ':' && next != '\\') {
                    value.append('\\');
                }
                value.append(next);
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }
}
