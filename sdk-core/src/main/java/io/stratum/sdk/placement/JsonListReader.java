package io.stratum.sdk.placement;

import io.stratum.sdk.placement.JsonLexer.Lexeme;
import io.stratum.sdk.placement.JsonLexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the JSON-style syntaxes: a list of constraints ({@code [["hostname","UNIQUE"]]}), a single
 * constraint ({@code ["hostname","UNIQUE"]}), or lists nested to any depth whose innermost lists
 * are constraints. A list holds either only lists or only strings. Bare numbers are accepted as
 * strings ({@code ["rack","MAX_PER",2]}); other bare words are errors. The top-level {@code []}
 * means no constraints; an empty list anywhere else is an empty constraint.
 */
final class JsonListReader {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final JsonLexer lexer;

    private JsonListReader(String text) {
        this.lexer = new JsonLexer(text);
    }

    /** @param text placement text whose first non-blank character is {@code [} */
    static List<RawConstraint> read(String text) throws PlacementSyntaxException {
        JsonListReader reader = new JsonListReader(text);
        List<RawConstraint> out = new ArrayList<>();
        Lexeme open = reader.lexer.next();
        if (open.type() != Type.OPEN) {
            throw unexpected(open, "");
        }
        reader.list(open.token(), true, out);
        Lexeme trailing = reader.lexer.next();
        if (trailing.type() != Type.END) {
            throw unexpected(trailing, "");
        }
        return out;
    }

    private void list(Token open, boolean topLevel, List<RawConstraint> out)
            throws PlacementSyntaxException {
        Lexeme first = lexer.next();
        if (first.type() == Type.CLOSE) {
            if (!topLevel) {
                out.add(new RawConstraint(List.of(), span(open, first)));
            }
        } else if (first.type() == Type.OPEN) {
            lists(open, first, out);
        } else {
            strings(open, first, out);
        }
    }

    private void lists(Token open, Lexeme element, List<RawConstraint> out)
            throws PlacementSyntaxException {
        while (true) {
            if (element.type() != Type.OPEN) {
                throw elementError(open, element, " (expected a list)");
            }
            list(element.token(), false, out);
            if (separator(open).type() == Type.CLOSE) {
                return;
            }
            element = lexer.next();
        }
    }

    private void strings(Token open, Lexeme element, List<RawConstraint> out)
            throws PlacementSyntaxException {
        List<Token> parts = new ArrayList<>();
        while (true) {
            if (element.type() != Type.STRING && element.type() != Type.WORD) {
                throw elementError(open, element, " (expected a string)");
            }
            if (element.type() == Type.WORD && !NUMBER.matcher(element.token().raw()).matches()) {
                throw element.token().error("unquoted word '" + element.token().raw()
                        + "' at column " + element.token().column() + " (put it in quotes)");
            }
            parts.add(element.token());
            Lexeme separator = separator(open);
            if (separator.type() == Type.CLOSE) {
                out.add(new RawConstraint(parts, span(open, separator)));
                return;
            }
            element = lexer.next();
        }
    }

    /** Reads the ',' or ']' after an element. */
    private Lexeme separator(Token open) throws PlacementSyntaxException {
        Lexeme next = lexer.next();
        if (next.type() == Type.COMMA || next.type() == Type.CLOSE) {
            return next;
        }
        throw elementError(open, next, " (expected ',' or ']')");
    }

    private static PlacementSyntaxException elementError(Token open, Lexeme found, String hint) {
        return switch (found.type()) {
            case END -> open.error("missing ']' to close '[' at column " + open.column());
            // A stray ']' or ',' needs no explanation of what was expected.
            case CLOSE, COMMA -> unexpected(found, "");
            default -> unexpected(found, hint);
        };
    }

    private static PlacementSyntaxException unexpected(Lexeme found, String hint) {
        Token token = found.token();
        String what = found.type() == Type.STRING ? "string " + token.raw() : "'" + token.raw() + "'";
        return token.error("unexpected " + what + " at column " + token.column() + hint);
    }

    private Token span(Token open, Lexeme close) {
        String raw = lexer.slice(open.offset(), close.token().offset() + 1);
        return new Token(raw, open.offset(), raw);
    }
}
