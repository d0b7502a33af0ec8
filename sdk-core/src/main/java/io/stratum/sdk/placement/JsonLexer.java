package io.stratum.sdk.placement;

/**
 * Splits JSON-style placement text into brackets, commas, quoted strings and bare words.
 *
 * <p>Strings take single or double quotes. Inside them {@code \\}, {@code \"} and {@code \'}
 * stand for the character after the backslash; any other backslash is kept as written, so a
 * regular expression such as {@code "r\d+"} means what it says (and {@code "r\\d+"}, the strict
 * JSON spelling, means the same). Not thread-safe; one instance per parse.
 */
final class JsonLexer {

    enum Type { OPEN, CLOSE, COMMA, STRING, WORD, END }

    /** A token and its type. */
    record Lexeme(Type type, Token token) {
    }

    private final String text;
    private int pos;

    JsonLexer(String text) {
        this.text = text;
    }

    Lexeme next() throws PlacementSyntaxException {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (pos == text.length()) {
            return new Lexeme(Type.END, new Token("", pos, ""));
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '[' -> punctuation(Type.OPEN);
            case ']' -> punctuation(Type.CLOSE);
            case ',' -> punctuation(Type.COMMA);
            case '"', '\'' -> string(c);
            default -> word();
        };
    }

    private Lexeme punctuation(Type type) {
        int start = pos++;
        String raw = text.substring(start, pos);
        return new Lexeme(type, new Token(raw, start, raw));
    }

    private Lexeme string(char quote) throws PlacementSyntaxException {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return new Lexeme(Type.STRING,
                        new Token(value.toString(), start, text.substring(start, pos)));
            }
            if (c == '\\' && pos < text.length()) {
                char next = text.charAt(pos++);
                if (next != '\\' && next != '"' && next != '\'') {
                    value.append('\\');
                }
                value.append(next);
            } else {
                value.append(c);
            }
        }
        throw new PlacementSyntaxException(
                "unterminated string starting at column " + (start + 1), start, text.substring(start));
    }

    private Lexeme word() {
        int start = pos;
        while (pos < text.length() && "[],'\"".indexOf(text.charAt(pos)) < 0
                && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        String raw = text.substring(start, pos);
        return new Lexeme(Type.WORD, new Token(raw, start, raw));
    }

    String slice(int from, int to) {
        return text.substring(from, to);
    }
}
